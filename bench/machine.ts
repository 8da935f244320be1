import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

export const RESULTS_FILE = join(import.meta.dirname, 'RESULTS.md');

/** One line naming the machine a figure was measured on. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  // The load average says whether other work shared the machine while the figures were taken.
  return `${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}`;
}

/** Appends a section to bench/RESULTS.md, with the date and the machine. */
export function recordResults(title: string, lines: string[]): void {
  if (!existsSync(RESULTS_FILE)) writeFileSync(RESULTS_FILE, '# Benchmark results\n');
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  appendFileSync(RESULTS_FILE, `\n## ${title}\n${date} UTC, ${machineLine()}\n\n${lines.join('\n')}\n`);
}
