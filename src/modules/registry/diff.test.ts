import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, consoleActor } from '../../platform/actor.ts';
import { desaScope } from '../../platform/area-scope.ts';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { DEMO_FILE_NAMES, generateDemoDistrict } from '../demo/index.ts';
import { runImport } from './import/import.service.ts';
import { REGISTRY_PERMISSIONS } from './permissions.ts';
import { householdDiff, periodDiff, personDiff } from './registry.service.ts';

interface TruthList {
  count: number;
  ids: string[];
}
interface Truth {
  households: Record<'entered' | 'left' | 'desil_changed' | 'moved_desa', TruthList>;
  people: Record<'entered' | 'left' | 'moved_desa', TruthList>;
}

let db: Db;
let truth: Truth;
const actor = consoleActor('test', Object.values(REGISTRY_PERMISSIONS));
const ALL = { limit: 100_000, offset: 0 };

beforeAll(async () => {
  db = await openTestDb();
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-diff-test-'));
  await generateDemoDistrict({ outDir: dir, size: 12_000, seed: 7, periods: ['2025-Q2', '2025-Q3'] });
  for (const period of ['2025-Q2', '2025-Q3']) {
    const file = DEMO_FILE_NAMES.dtsen(period);
    const summary = await runImport(db, {
      path: join(dir, file),
      fileName: file,
      period,
      createdBy: 'test',
      kabupatenCode: '35.19',
    });
    expect(summary.status).toBe('committed');
  }
  truth = JSON.parse(readFileSync(join(dir, DEMO_FILE_NAMES.diff('2025-Q2', '2025-Q3')), 'utf8'));
});
afterAll(() => db.close());

describe('period diff between two generated quarters', () => {
  it('has the generator’s exact counts', async () => {
    const counts = await periodDiff(db, actor, '2025-Q2', '2025-Q3');
    expect(counts.households).toEqual({
      entered: truth.households.entered.count,
      left: truth.households.left.count,
      desil_changed: truth.households.desil_changed.count,
      moved_desa: truth.households.moved_desa.count,
    });
    expect(counts.persons).toEqual({
      entered: truth.people.entered.count,
      left: truth.people.left.count,
      moved_desa: truth.people.moved_desa.count,
    });
    expect(counts.households.moved_desa).toBeGreaterThan(0);
  });

  it.each(['entered', 'left', 'desil_changed', 'moved_desa'] as const)(
    'lists exactly the households that %s',
    async (change) => {
      const rows = await householdDiff(db, actor, { from: '2025-Q2', to: '2025-Q3', change, ...ALL });
      expect(rows.map((r) => r.family_id).sort()).toEqual([...truth.households[change].ids].sort());
    },
  );

  it.each(['entered', 'left', 'moved_desa'] as const)('lists exactly the people who %s', async (change) => {
    const rows = await personDiff(db, actor, { from: '2025-Q2', to: '2025-Q3', change, ...ALL });
    expect(rows.map((r) => r.person_id).sort()).toEqual([...truth.people[change].ids].sort());
  });

  it("names each row's household in the registry, so a row can open the household page", async () => {
    const households = await householdDiff(db, actor, {
      from: '2025-Q2',
      to: '2025-Q3',
      change: 'left',
      limit: 5,
      offset: 0,
    });
    const persons = await personDiff(db, actor, {
      from: '2025-Q2',
      to: '2025-Q3',
      change: 'entered',
      limit: 5,
      offset: 0,
    });
    expect(households.length).toBe(5);
    expect(persons.length).toBe(5);
    for (const row of households) {
      const [found] = await db.query<{ family_id: string }>(
        'SELECT family_id FROM households WHERE id = $1',
        [row.household_id],
      );
      expect(found?.family_id).toBe(row.family_id);
    }
    for (const row of persons) {
      const [found] = await db.query<{ household_id: number }>(
        'SELECT household_id FROM persons WHERE person_id = $1',
        [row.person_id],
      );
      expect(row.household_id).toBe(found?.household_id);
    }
  });

  it('limits a scoped user to their desa, on either side of a move', async () => {
    const [moved] = await householdDiff(db, actor, {
      from: '2025-Q2',
      to: '2025-Q3',
      change: 'moved_desa',
      ...ALL,
    });
    const fromDesa = moved?.desa_from as string;
    const desaActor: Actor = { ...actor, scope: desaScope([fromDesa]) };
    const rows = await householdDiff(db, desaActor, {
      from: '2025-Q2',
      to: '2025-Q3',
      change: 'desil_changed',
      ...ALL,
    });
    const inDesa = await db.query<{ family_id: string }>(
      `SELECT family_id FROM snapshot_households WHERE desa_code = $1 AND period IN ('2025-Q2', '2025-Q3')`,
      [fromDesa],
    );
    const allowed = new Set(inDesa.map((r) => r.family_id));
    expect(rows.every((r) => allowed.has(r.family_id))).toBe(true);
    const movedRows = await householdDiff(db, desaActor, {
      from: '2025-Q2',
      to: '2025-Q3',
      change: 'moved_desa',
      ...ALL,
    });
    expect(movedRows.map((r) => r.family_id)).toContain(moved?.family_id);
  });

  it('refuses an unknown period with a clear message', async () => {
    await expect(periodDiff(db, actor, '2025-Q2', '2024-Q1')).rejects.toThrow(
      'Belum ada impor untuk periode 2024-Q1',
    );
  });
});
