/**
 * Linkage benchmark: demo districts of BENCH_LINKAGE_SIZES people (default 1,000,000 and
 * 2,000,000), deduplicated end to end (train, score, cluster) and linked to their death register,
 * each in its own process for an honest peak memory. Records bench/RESULTS.md.
 *
 *   npx tsx bench/linkage.ts            (or npm run bench -- linkage)
 *   BENCH_LINKAGE_SIZES=100000 npx tsx bench/linkage.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { DEMO_FILE_NAMES, generateDemoDistrict } from '../src/modules/demo/index.ts';
import { recordResults } from './machine.ts';

const SIZES = (process.env.BENCH_LINKAGE_SIZES ?? '1000000,2000000').split(',').map(Number);
const PERIOD = '2025-Q3';
const root = join(import.meta.dirname, '..');

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const rows: string[] = [];
for (const size of SIZES) {
  const dir = join(root, '.bench-data', `linkage-${size}`);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, DEMO_FILE_NAMES.dtsen(PERIOD))) || !existsSync(join(dir, 'manifest.json'))) {
    console.log(`generating ${size} people...`);
    await generateDemoDistrict({ outDir: dir, size, periods: [PERIOD] });
  }
  const load = loadavg()[0] ?? 0;
  console.log(`linking ${size} people (load average ${load.toFixed(1)})...`);
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench', 'linkage-once.ts'), dir, PERIOD],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const r = JSON.parse(output.trim().split('\n').pop() as string);
  console.log(JSON.stringify(r, null, 2));
  rows.push(
    `| ${size.toLocaleString('en')} | ${r.loadSeconds} | ${r.engineSeconds} (${r.timings.train} / ${r.timings.score} / ${r.timings.cluster}) | ${r.engineCpu} | ${r.peakRssMb} | ${r.compared.toLocaleString('en')} | ${pct(r.dedupe.precision)} | ${pct(r.dedupe.recall)} | ${pct(r.dedupe.f1)} | ${pct(r.dedupe.blockingRecall)} | ${pct(r.deaths.recall)} / ${pct(r.deaths.precision)} | ${load.toFixed(1)} |`,
  );
}

recordResults('Record linkage (bench/linkage.ts)', [
  `Demo districts (one period), deduplicated with the default Indonesian person settings, seed 1, one worker thread per core (${cpus().length}). Engine = train + score + cluster, wall clock (train / score / cluster), after loading the CSV; CPU = CPU seconds of the engine over all threads; peak RSS of the whole process (load, engine and the death-register link). Precision, recall and F1 are pairwise over clusters against truth-duplicates.csv; blocking recall is the share of true pairs some blocking rule proposes. Deaths: the death register linked to the registry, share of the register's registry people found / precision. Load average: other work sharing the machine when the run started.`,
  '',
  '| people | load CSV (s) | engine (s) (train / score / cluster) | engine CPU (s) | peak RSS (MB) | pairs compared | precision | recall | F1 | blocking recall | deaths found / precision | load average |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
]);
