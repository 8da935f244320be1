import { afterAll, beforeAll, expect, it } from 'vitest';
import { consoleActor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { ALL_PERMISSIONS } from '../access/index.ts';
import { addUser, importTwoQuarters, testClock } from '../access/testing.ts';
import { createDemoPillars } from './demo-pillars.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
  await importTwoQuarters(db);
  await addUser(db, { username: 'demo.pilar', role: 'pilar', areas: ['35.19.01'], pillar_type: 'pkh' });
});
afterAll(() => db.close());

it('gives the demo pilar a member record, targets and tasks of their kecamatan, once', async () => {
  const actor = consoleActor('demo', ALL_PERMISSIONS);
  const clock = testClock('2025-10-01T08:00:00Z').now;
  await createDemoPillars(db, actor, '35.19', clock);
  await createDemoPillars(db, actor, '35.19', clock);
  const [counts] = await db.query<{
    members: number;
    kecamatan: number;
    linked: number;
    tasks: number;
    targets: number;
  }>(
    `SELECT (SELECT count(*)::int FROM pillar_members) AS members,
       (SELECT count(*)::int FROM regions WHERE parent_code = '35.19') AS kecamatan,
       (SELECT count(*)::int FROM pillar_members m JOIN users u ON u.id = m.user_id WHERE u.username = 'demo.pilar') AS linked,
       (SELECT count(*)::int FROM pillar_tasks t JOIN pillar_members m ON m.id = t.member_id WHERE m.user_id IS NOT NULL
          AND starts_with(t.desa_code, '35.19.01')) AS tasks,
       (SELECT count(*)::int FROM pillar_targets WHERE quarter = '2025-Q4') AS targets`,
  );
  expect(counts).toMatchObject({ linked: 1, targets: 3 });
  expect(counts?.members).toBe((counts?.kecamatan as number) + 1);
  // The fixture has eight households in the kecamatan (three per desa in Q2, a fourth in Q3): all get a task.
  expect(counts?.tasks).toBe(8);
});
