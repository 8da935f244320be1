/**
 * Registry search latency on an imported district: by NIK, and by part of a name within a desa.
 * Prints a JSON line with median and 95th percentile milliseconds.
 */

import { REGISTRY_PERMISSIONS, searchPersons } from '../src/modules/registry/index.ts';
import { consoleActor } from '../src/platform/actor.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openAppContext } from '../src/server/context.ts';

const SAMPLES = 200;
const context = await openAppContext(loadConfig());
const actor = consoleActor('bench', Object.values(REGISTRY_PERMISSIONS));
const sample = await context.db.query<{ nik: string; name: string; desa_code: string }>(
  `SELECT nik, name, desa_code FROM persons TABLESAMPLE SYSTEM (1) REPEATABLE (42) LIMIT ${SAMPLES}`,
);

async function timeEach(run: (row: (typeof sample)[number]) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const row of sample) {
    const started = performance.now();
    await run(row);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}
const stats = (times: number[]) => ({
  median: Number((times[Math.floor(times.length / 2)] ?? 0).toFixed(2)),
  p95: Number((times[Math.floor(times.length * 0.95)] ?? 0).toFixed(2)),
});

// A warm-up pass, as a running server has had.
await timeEach((row) => searchPersons(context.db, actor, { nik: row.nik, limit: 50, offset: 0 }));
const byNik = await timeEach((row) =>
  searchPersons(context.db, actor, { nik: row.nik, limit: 50, offset: 0 }),
);
const byName = await timeEach((row) =>
  searchPersons(context.db, actor, {
    name: (row.name.split(' ')[0] ?? row.name).slice(0, 5),
    desa: row.desa_code,
    limit: 50,
    offset: 0,
  }),
);
await context.close();
console.log(JSON.stringify({ samples: sample.length, byNik: stats(byNik), byNameInDesa: stats(byName) }));
