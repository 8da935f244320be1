/**
 * Import benchmark: a generated district of BENCH_PEOPLE people (default 2,000,000) imported on PGlite
 * and, when DATABASE_URL is set, on PostgreSQL; then search latency. Records bench/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DEMO_FILE_NAMES, generateDemoDistrict } from '../src/modules/demo/index.ts';
import { recordResults } from './machine.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2_000_000);
const PERIOD = '2025-Q3';
const root = join(import.meta.dirname, '..');
const work = join(root, '.bench-data', `import-${PEOPLE}`);
mkdirSync(work, { recursive: true });
const file = join(work, DEMO_FILE_NAMES.dtsen(PERIOD));

if (!existsSync(file)) {
  console.log(`generating ${PEOPLE} people...`);
  await generateDemoDistrict({ outDir: work, size: PEOPLE, periods: [PERIOD] });
}

function runChild(script: string, env: Record<string, string>, args: string[] = []) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench', script), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() as string);
}

const lines = [
  `Generated district: ${PEOPLE.toLocaleString('en')} people (demo generator, one period). Times are wall clock for the whole import (read, check, stage, cross-row checks, commit); process CPU is the import process's over all its threads (on PostgreSQL the server's own CPU is not in it).`,
  '',
  '| engine | rows | import (s) | import process CPU (s) | peak RSS (MB) | search by NIK median / p95 (ms) | name within desa median / p95 (ms) |',
  '| --- | --- | --- | --- | --- | --- | --- |',
];

const engines: { name: string; env: () => Promise<Record<string, string>> }[] = [
  {
    name: 'PGlite',
    env: async () => {
      const dir = join(work, 'pglite');
      rmSync(dir, { recursive: true, force: true });
      // An empty DATABASE_URL selects the embedded database even when the shell has one set.
      return { SINERGI_DATA_DIR: dir, DATABASE_URL: '' };
    },
  },
];
const url = process.env.DATABASE_URL;
if (url) {
  engines.unshift({
    name: 'PostgreSQL 15',
    env: async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query('DROP DATABASE IF EXISTS sinergi_bench WITH (FORCE)');
      await admin.query('CREATE DATABASE sinergi_bench');
      await admin.end();
      const target = new URL(url);
      target.pathname = '/sinergi_bench';
      return { DATABASE_URL: target.toString() };
    },
  });
}

for (const engine of engines) {
  const env = await engine.env();
  // Regions and migrations first, so the import's time is the import's own.
  runChild('search-once.ts', env);
  console.log(`${engine.name}: importing...`);
  const result = runChild('import-once.ts', env, [file, PERIOD]);
  console.log(engine.name, result);
  const search = runChild('search-once.ts', env);
  console.log(engine.name, search);
  lines.push(
    `| ${engine.name} | ${result.rows.toLocaleString('en')} (${result.rejected} rejected) | ${result.seconds.toFixed(1)} | ${result.cpuSeconds} | ${result.maxRssMb} | ${search.byNik.median} / ${search.byNik.p95} | ${search.byNameInDesa.median} / ${search.byNameInDesa.p95} |`,
  );
}

recordResults(`Registry import, ${PEOPLE.toLocaleString('en')} people`, lines);
console.log(lines.join('\n'));
