/**
 * `npm run bench -- NAME` runs bench/NAME.ts; without a name it lists them. Each benchmark appends
 * its figures to bench/RESULTS.md with the machine and date.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const helpers = new Set([
  'run.ts',
  'machine.ts',
  'timed.ts',
  'demo-district.ts',
  'pillar-members.ts',
  'import-trace.ts',
]);
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !helpers.has(f) && !f.endsWith('-once.ts'))
  .map((f) => f.replace(/\.ts$/, ''));
const names = process.argv.slice(2);
if (names.length === 0) {
  console.log(`Benchmarks: ${available.join(', ')}\nRun one: npm run bench -- NAME`);
  process.exit(0);
}
for (const name of names) {
  if (!available.includes(name))
    throw new Error(`No benchmark "${name}"; there are: ${available.join(', ')}`);
  execFileSync(process.execPath, ['--import', 'tsx', join(here, `${name}.ts`)], { stdio: 'inherit' });
}
