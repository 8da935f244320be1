import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleActor } from '../../platform/actor.ts';
import { desaScope } from '../../platform/area-scope.ts';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { runImport } from './import/import.service.ts';
import { householdRows, writeCsv } from './import/test-fixtures.ts';
import { REGISTRY_PERMISSIONS } from './permissions.ts';
import { changeStatus, correctRecord } from './registry.service.ts';
import { registrySummary } from './summary.service.ts';

let db: Db;
let dir: string;
const district = consoleActor('test', Object.values(REGISTRY_PERMISSIONS));
const tambakmas = { ...district, scope: desaScope(['35.19.01.2001']) };

beforeAll(async () => {
  db = await openTestDb();
  dir = mkdtempSync(join(tmpdir(), 'sinergi-summary-test-'));
  // Tambakmas: one desil 1 and one desil 2 household; Tanjungrejo (same kecamatan): desil 5;
  // Dolopo (another kecamatan): desil 1. Each household is a head, a wife and one child.
  const rows = [
    ...householdRows(1, { desil: '1' }),
    ...householdRows(2, { desil: '2' }),
    ...householdRows(3, { desil: '5', kode_desa: '35.19.01.2002' }),
    ...householdRows(4, { desil: '1', kode_desa: '35.19.02.2001' }),
  ];
  const path = writeCsv(join(dir, 'q3.csv'), rows);
  await runImport(db, {
    path,
    fileName: 'q3.csv',
    period: '2025-Q3',
    createdBy: 'test',
    kabupatenCode: '35.19',
  });
});
afterAll(() => db.close());

describe('registry summary', () => {
  it('counts the kabupaten by desil and by kecamatan', async () => {
    const summary = await registrySummary(db, district, '35.19');
    expect(summary.area).toMatchObject({ code: '35.19', level: 'kabupaten_kota' });
    expect(summary.period?.period).toBe('2025-Q3');
    expect(summary.totals).toEqual({ households: 4, persons: 12, households_desil_1_2: 3 });
    expect(summary.by_desil.slice(0, 5).map((d) => d.households)).toEqual([2, 1, 0, 0, 1]);
    expect(summary.by_desil[0]?.persons).toBe(6);
    const kebonsari = summary.children.find((c) => c.code === '35.19.01');
    expect(kebonsari).toEqual({
      code: '35.19.01',
      name: 'Kebonsari',
      households: 3,
      persons: 9,
      households_desil_1_2: 2,
    });
    expect(summary.children.length).toBeGreaterThan(10);
  });

  it("counts a kecamatan's desa", async () => {
    const summary = await registrySummary(db, district, '35.19', '35.19.01');
    expect(summary.totals.households).toBe(3);
    const desa = summary.children.filter((c) => c.households > 0).map((c) => [c.name, c.households]);
    expect(desa).toEqual([
      ['Tambakmas', 2],
      ['Tanjungrejo', 1],
    ]);
  });

  it("keeps a desa operator to their desa: other desa's households are not counted or listed", async () => {
    const whole = await registrySummary(db, tambakmas, '35.19');
    expect(whole.totals).toEqual({ households: 2, persons: 6, households_desil_1_2: 2 });
    expect(whole.children.map((c) => c.code)).toEqual(['35.19.01']);
    const kecamatan = await registrySummary(db, tambakmas, '35.19', '35.19.01');
    expect(kecamatan.children.map((c) => c.name)).toEqual(['Tambakmas']);
  });

  it('leaves out people and households whose status is no longer active', async () => {
    const [person] = await db.query<{ id: number }>(`SELECT id FROM persons WHERE name = 'Anak 1-0'`);
    const [household] = await db.query<{ id: number }>(
      `SELECT id FROM households WHERE family_id = 'KEL-0004'`,
    );
    await changeStatus(db, district, {
      type: 'person',
      id: Number(person?.id),
      status: 'meninggal',
      reason: 'uji',
    });
    await changeStatus(db, district, {
      type: 'household',
      id: Number(household?.id),
      status: 'pindah',
      reason: 'uji',
    });
    const summary = await registrySummary(db, district, '35.19');
    expect(summary.totals).toEqual({ households: 3, persons: 8, households_desil_1_2: 2 });
    expect(summary.by_desil[0]).toEqual({ desil: 1, households: 1, persons: 2 });
  });

  it('moves a household whose desil is corrected to its new desil', async () => {
    const [household] = await db.query<{ id: number }>(
      `SELECT id FROM households WHERE family_id = 'KEL-0002'`,
    );
    await correctRecord(db, district, {
      type: 'household',
      id: Number(household?.id),
      field: 'desil',
      value: '6',
      reason: 'verval',
    });
    const summary = await registrySummary(db, district, '35.19');
    expect(summary.totals).toEqual({ households: 3, persons: 8, households_desil_1_2: 1 });
    expect(summary.by_desil[1]).toEqual({ desil: 2, households: 0, persons: 0 });
    expect(summary.by_desil[5]).toEqual({ desil: 6, households: 1, persons: 3 });
  });

  it("follows a newer period's import, and not an older period's", async () => {
    // 2025-Q4 holds households 1 (its child still dead) and 3; 2025-Q1 all four again.
    const import_ = async (period: string, rows: ReturnType<typeof householdRows>) =>
      runImport(db, {
        path: writeCsv(join(dir, `${period}.csv`), rows),
        fileName: `${period}.csv`,
        period,
        createdBy: 'test',
        kabupatenCode: '35.19',
      });
    await import_('2025-Q4', [
      ...householdRows(1, { desil: '1' }),
      ...householdRows(3, { desil: '5', kode_desa: '35.19.01.2002' }),
    ]);
    const q4 = await registrySummary(db, district, '35.19');
    expect(q4.period?.period).toBe('2025-Q4');
    expect(q4.totals).toEqual({ households: 2, persons: 5, households_desil_1_2: 1 });
    await import_('2025-Q1', [
      ...householdRows(1, { desil: '3' }),
      ...householdRows(2, { desil: '2' }),
      ...householdRows(3, { desil: '5', kode_desa: '35.19.01.2002' }),
      ...householdRows(4, { desil: '1', kode_desa: '35.19.02.2001' }),
    ]);
    expect(await registrySummary(db, district, '35.19')).toEqual(q4);
  });

  it('refuses areas outside the kabupaten and actors without the aggregates permission', async () => {
    await expect(registrySummary(db, district, '35.19', '35.20.01')).rejects.toMatchObject({
      statusCode: 404,
    });
    const noAggregates = consoleActor('none', [REGISTRY_PERMISSIONS.read]);
    await expect(registrySummary(db, noAggregates, '35.19')).rejects.toMatchObject({ statusCode: 403 });
  });
});
