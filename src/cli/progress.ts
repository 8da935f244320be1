import { SingleBar } from 'cli-progress';

const PHASE_LABELS: Record<string, string> = {
  reading: 'membaca  ',
  checking: 'memeriksa',
  committing: 'menyimpan',
  generating: 'membuat  ',
  importing: 'mengimpor',
};

/** A progress bar on stderr that follows phases (reading, checking, committing, ...). */
export function phaseBar() {
  const bar = new SingleBar({
    format: '{phase} [{bar}] {percentage}% | {value}/{total}',
    stream: process.stderr,
    hideCursor: true,
    // Piped output (CI logs, a service manager) gets a progress line every few seconds.
    noTTYOutput: true,
    notTTYSchedule: 3000,
  });
  let current: string | undefined;
  return {
    update(phase: string, done: number, total: number) {
      if (phase !== current) {
        if (current) bar.stop();
        // Without a terminal the bar redraws only on its schedule: name each phase as it begins.
        if (!process.stderr.isTTY) process.stderr.write(`${PHASE_LABELS[phase]?.trim() ?? phase}...\n`);
        bar.start(total, done, { phase: PHASE_LABELS[phase] ?? phase });
        current = phase;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (current) bar.stop();
      current = undefined;
    },
  };
}
