import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consoleActor } from '../../../platform/actor.ts';
import type { Db } from '../../../platform/db/index.ts';
import { openTestDb } from '../../../platform/db/testing.ts';
import { IMPORT_COLUMNS, type ImportRow } from '../import-format.ts';
import { REGISTRY_PERMISSIONS } from '../permissions.ts';
import { recount } from '../summary.repository.ts';
import { runImport } from './import.service.ts';
import { rejectsCsv } from './imports.service.ts';
import { householdRows, importRow, writeCsv } from './test-fixtures.ts';

let db: Db;
const dir = mkdtempSync(join(tmpdir(), 'sinergi-import-test-'));
const actor = consoleActor('test', Object.values(REGISTRY_PERMISSIONS));
const importFile = (path: string, period = '2025-Q3') =>
  runImport(db, {
    path,
    fileName: path.split('/').pop() as string,
    period,
    createdBy: 'test',
    kabupatenCode: '35.19',
  });

async function registryState() {
  const [counts] = await db.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM households)::int AS households, (SELECT count(*) FROM persons)::int AS persons,
            (SELECT count(*) FROM snapshot_households)::int AS snapshot_households,
            (SELECT count(*) FROM snapshot_persons)::int AS snapshot_persons,
            (SELECT count(*) FROM periods)::int AS periods,
            (SELECT count(*) FROM import_staging)::int + (SELECT count(*) FROM import_staging_households)::int AS staging`,
  );
  const stamps = await db.query('SELECT family_id, updated_at FROM households ORDER BY family_id');
  return { counts, stamps };
}

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

describe('quarterly import', () => {
  beforeEach(async () => {
    await db.exec(`TRUNCATE import_staging, import_staging_households, import_rejects, periods, snapshot_households, snapshot_persons,
      status_history, persons, households, imports, jobs RESTART IDENTITY CASCADE`);
  });

  it('imports households and people, keeps every rejected row with its line, raw content and all reasons', async () => {
    const rows = [
      ...householdRows(1),
      importRow({
        id_keluarga: 'KEL-BAD',
        id_individu: 'BAD-1',
        nik: '123',
        desil: '0',
        kode_desa: '35.19.99.9999',
      }),
      ...householdRows(2, { kode_desa: '3519012002', desil: '5' }, 2),
    ];
    const summary = await importFile(writeCsv(join(dir, 'q3.csv'), rows));
    expect(summary).toMatchObject({
      status: 'committed',
      rowsTotal: 8,
      rowsAccepted: 7,
      rowsRejected: 1,
      households: 2,
    });

    const rejects = await db.query<{
      line_no: number;
      raw: Record<string, string>;
      reasons: { code: string }[];
    }>('SELECT line_no, raw, reasons FROM import_rejects');
    expect(rejects).toHaveLength(1);
    expect(rejects[0]?.line_no).toBe(5);
    expect(rejects[0]?.raw.nik).toBe('123');
    expect(rejects[0]?.reasons.map((r) => r.code).sort()).toEqual([
      'desa_unknown',
      'desil_range',
      'nik_format',
    ]);

    const households = await db.query<{
      family_id: string;
      desa_code: string;
      desil: number;
      assets: string[];
    }>('SELECT family_id, desa_code, desil, assets FROM households ORDER BY family_id');
    expect(households).toEqual([
      { family_id: 'KEL-0001', desa_code: '35.19.01.2001', desil: 2, assets: ['sepeda', 'televisi'] },
      { family_id: 'KEL-0002', desa_code: '35.19.01.2002', desil: 5, assets: ['sepeda', 'televisi'] },
    ]);
    const [person] = await db.query<{ desa_code: string; birth_date: string; first_period: string }>(
      `SELECT desa_code, birth_date, first_period FROM persons WHERE person_id = 'KEL-0002-3'`,
    );
    expect(person).toEqual({ desa_code: '35.19.01.2002', birth_date: '2010-05-01', first_period: '2025-Q3' });
  });

  it('imports the sample file of docs/import-format.md', async () => {
    const sample = join(import.meta.dirname, '../../../../docs/samples/dtsen-sample.csv');
    const summary = await importFile(sample);
    expect(summary).toMatchObject({ status: 'committed', rowsTotal: 25, rowsRejected: 0 });
  });

  it('rejects a repeated person id and household columns that contradict the first row', async () => {
    const [head, wife] = householdRows(1) as [ImportRow, ImportRow];
    const rows = [
      head,
      wife,
      { ...wife, nama: 'Istri lagi' },
      { ...wife, id_individu: 'KEL-0001-9', desil: '7' },
    ];
    const summary = await importFile(writeCsv(join(dir, 'cross.csv'), rows));
    expect(summary).toMatchObject({ rowsAccepted: 2, rowsRejected: 2 });
    const rejects = await db.query<{ line_no: number; reasons: { code: string; message: string }[] }>(
      'SELECT line_no, reasons FROM import_rejects ORDER BY line_no',
    );
    expect(rejects.map((r) => [r.line_no, r.reasons.map((x) => x.code)])).toEqual([
      [4, ['id_individu_duplicate']],
      [5, ['household_conflict']],
    ]);
    expect(rejects[0]?.reasons[0]?.message).toContain('baris 3');
  });

  it('keeps a household whose first row is rejected, with its columns, and one split over the file', async () => {
    const first = householdRows(1);
    const house = {
      alamat: 'Dsn. Kalangan',
      aset: 'kulkas;sepeda_motor',
      ternak: 'sapi:2',
      jenis_lantai: 'keramik',
    };
    const [head, wife, child] = householdRows(2, house) as [ImportRow, ImportRow, ImportRow];
    const [third] = householdRows(3, { alamat: 'Jl. Melati 9' });
    // Household 2's first row repeats a person of household 1 (rejected); its rows are split by household 3's.
    const rows = [...first, { ...head, id_individu: 'KEL-0001-1' }, wife, third as ImportRow, child];
    const summary = await importFile(writeCsv(join(dir, 'first-rejected.csv'), rows));
    expect(summary).toMatchObject({ rowsRejected: 1, households: 3, persons: rows.length - 1 });
    const households = await db.query(
      `SELECT family_id, address, floor_type, assets, livestock,
         (SELECT count(*)::int FROM persons p WHERE p.household_id = h.id) AS members
       FROM households h ORDER BY family_id`,
    );
    expect(households).toEqual([
      {
        family_id: 'KEL-0001',
        address: 'Jl. Mawar 3',
        floor_type: 'tanah',
        assets: ['sepeda', 'televisi'],
        livestock: { unggas: 5 },
        members: 3,
      },
      {
        family_id: 'KEL-0002',
        address: 'Dsn. Kalangan',
        floor_type: 'keramik',
        assets: ['kulkas', 'sepeda_motor'],
        livestock: { sapi: 2 },
        members: 2,
      },
      {
        family_id: 'KEL-0003',
        address: 'Jl. Melati 9',
        floor_type: 'tanah',
        assets: ['sepeda', 'televisi'],
        livestock: { unggas: 5 },
        members: 1,
      },
    ]);
  });

  it("counts a first import's desa figures as a full recount of the registry does", async () => {
    const rows = [
      ...householdRows(1, { desil: '1' }),
      ...householdRows(2, { desil: '1' }, 2),
      ...householdRows(3, { desil: '4', kode_desa: '35.19.01.2002' }),
      ...householdRows(4, { desil: '1', kode_desa: '35.19.02.2001' }),
      { ...(householdRows(1)[1] as ImportRow), nama: 'Istri lagi' },
    ];
    await importFile(writeCsv(join(dir, 'counts.csv'), rows));
    const counts = () =>
      db.query('SELECT desa_code, desil, households, persons FROM registry_desa_counts ORDER BY 1, 2');
    const fromImport = await counts();
    expect(fromImport.length).toBeGreaterThan(1);
    await recount(db);
    expect(await counts()).toEqual(fromImport);
  });

  it('offers the rejected rows as CSV with line, reasons and the row as it was', async () => {
    const rows = [
      ...householdRows(1),
      importRow({ id_individu: 'X-1', tanggal_lahir: '31-02-1990', jenis_kelamin: 'W' }),
    ];
    const summary = await importFile(writeCsv(join(dir, 'rejects.csv'), rows));
    let csv = '';
    for await (const chunk of rejectsCsv(db, actor, summary.importId)) csv += chunk;
    const [header, line] = csv.trim().split('\n');
    expect(header).toBe(['baris', 'alasan', ...IMPORT_COLUMNS].join(','));
    expect(line).toMatch(
      /^5,"tanggal_lahir: Tanggal lahir ""31-02-1990"" bukan tanggal yang valid.*jenis_kelamin: /,
    );
    expect(line).toContain(',X-1,');
  });

  it('changes nothing when the same file is imported again for the same period', async () => {
    const path = writeCsv(join(dir, 'same.csv'), [...householdRows(1), ...householdRows(2)]);
    const first = await importFile(path);
    const before = await registryState();
    const again = await importFile(path);
    expect(again.status).toBe('unchanged');
    expect(again.rowsAccepted).toBe(first.rowsAccepted);
    expect(await registryState()).toEqual(before);
  });

  it('touches no record when a re-export of the same content arrives as a different file', async () => {
    const rows = [...householdRows(1), ...householdRows(2)];
    await importFile(writeCsv(join(dir, 'a.csv'), rows));
    const before = await registryState();
    const reordered = writeCsv(join(dir, 'b.csv'), [...rows].reverse());
    expect((await importFile(reordered)).status).toBe('committed');
    expect((await registryState()).stamps).toEqual(before.stamps);
  });

  it('leaves the registry as it was when the commit fails halfway', async () => {
    await importFile(writeCsv(join(dir, 'q2.csv'), householdRows(1), undefined), '2025-Q2');
    const before = await registryState();
    // The last statement of the commit transaction fails: everything before it must roll back.
    await db.exec(`CREATE FUNCTION fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$;
      CREATE TRIGGER fail_commit BEFORE INSERT OR UPDATE ON periods FOR EACH ROW EXECUTE FUNCTION fail_commit();`);
    try {
      const path = writeCsv(join(dir, 'q3-fail.csv'), [
        ...householdRows(1, { desil: '9' }),
        ...householdRows(2),
      ]);
      await expect(importFile(path)).rejects.toThrow('disk full (simulated)');
    } finally {
      await db.exec('DROP TRIGGER fail_commit ON periods; DROP FUNCTION fail_commit();');
    }
    expect(await registryState()).toEqual(before);
    const [failed] = await db.query<{ status: string; error: string }>(
      'SELECT status, error FROM imports ORDER BY id DESC LIMIT 1',
    );
    expect(failed).toEqual({ status: 'failed', error: 'disk full (simulated)' });
  });

  it('gives back every index and constraint the first import sets aside, whether it commits or fails', async () => {
    const schema = () =>
      db.query(
        `SELECT conrelid::regclass::text AS on_table, conname AS name, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE conrelid = ANY($1::regclass[])
         UNION ALL
         SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY($1::text[])
         ORDER BY 1, 2, 3`,
        [['households', 'persons', 'snapshot_households', 'snapshot_persons']],
      );
    const before = await schema();
    await db.exec(`CREATE FUNCTION fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$;
      CREATE TRIGGER fail_commit BEFORE INSERT OR UPDATE ON periods FOR EACH ROW EXECUTE FUNCTION fail_commit();`);
    try {
      await expect(importFile(writeCsv(join(dir, 'first-fail.csv'), householdRows(1)))).rejects.toThrow(
        'disk full (simulated)',
      );
    } finally {
      await db.exec('DROP TRIGGER fail_commit ON periods; DROP FUNCTION fail_commit();');
    }
    expect(await schema()).toEqual(before);
    expect((await registryState()).counts).toMatchObject({ households: 0, persons: 0, snapshot_persons: 0 });

    await importFile(writeCsv(join(dir, 'first.csv'), [...householdRows(1), ...householdRows(2)]));
    expect(await schema()).toEqual(before);
    // The rebuilt keys hold: a second copy of a person is refused.
    await expect(
      db.query(`INSERT INTO persons (person_id, household_id, desa_code, nik, name, sex, birth_date, relationship, first_period)
                SELECT person_id, household_id, desa_code, nik, name, sex, birth_date, relationship, first_period FROM persons LIMIT 1`),
    ).rejects.toThrow(/persons_person_id_key/);
  });

  it('fails an import whose every row is rejected and keeps the rejects', async () => {
    const summary = await importFile(
      writeCsv(join(dir, 'allbad.csv'), [importRow({ nik: 'x' }), importRow({ desil: '' })]),
    );
    expect(summary).toMatchObject({ status: 'failed', rowsTotal: 2, rowsRejected: 2 });
    expect((await registryState()).counts).toMatchObject({ households: 0, periods: 0 });
    expect(await db.query('SELECT 1 FROM import_rejects')).toHaveLength(2);
  });

  it('names missing header columns, a bad period and an unsupported format', async () => {
    const noNik = writeCsv(
      join(dir, 'nonik.csv'),
      householdRows(1),
      IMPORT_COLUMNS.filter((c) => c !== 'nik'),
    );
    await expect(importFile(noNik)).rejects.toThrow(/kolom wajib: nik/);
    const ok = writeCsv(join(dir, 'ok.csv'), householdRows(1));
    await expect(importFile(ok, '2025-Q5')).rejects.toThrow(/TTTT-Qn/);
    await expect(
      runImport(db, {
        path: ok,
        fileName: 'data.pdf',
        period: '2025-Q3',
        createdBy: 't',
        kabupatenCode: '35.19',
      }),
    ).rejects.toThrow(/\.pdf/);
  });

  it('reads XLSX files, with date cells and NIKs typed as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DTSEN');
    sheet.addRow([...IMPORT_COLUMNS]);
    for (const row of householdRows(1)) {
      sheet.addRow(
        IMPORT_COLUMNS.map((column) => {
          if (column === 'tanggal_lahir') return new Date(`${row[column]}T00:00:00Z`);
          if (column === 'nik' || column === 'desil') return Number(row[column]);
          return row[column];
        }),
      );
    }
    const path = join(dir, 'q3.xlsx');
    await workbook.xlsx.writeFile(path);
    const summary = await importFile(path);
    expect(summary).toMatchObject({ status: 'committed', rowsAccepted: 3, rowsRejected: 0 });
    const people = await db.query<{ nik: string; birth_date: string }>(
      'SELECT nik, birth_date FROM persons ORDER BY person_id',
    );
    expect(people[0]).toEqual({ nik: householdRows(1)[0]?.nik, birth_date: '1985-08-12' });
  });

  it('keeps the current values of the latest period when an older period is imported later', async () => {
    await importFile(writeCsv(join(dir, 'late-q3.csv'), householdRows(1, { desil: '3' })), '2025-Q3');
    await importFile(
      writeCsv(join(dir, 'late-q2.csv'), [...householdRows(1, { desil: '1' }), ...householdRows(2)]),
      '2025-Q2',
    );
    const households = await db.query<{
      family_id: string;
      desil: number;
      first_period: string;
      last_period: string;
    }>(
      `SELECT family_id, desil, first_period,
         (SELECT max(period) FROM snapshot_households s WHERE s.family_id = h.family_id) AS last_period
       FROM households h ORDER BY family_id`,
    );
    expect(households).toEqual([
      { family_id: 'KEL-0001', desil: 3, first_period: '2025-Q2', last_period: '2025-Q3' },
      { family_id: 'KEL-0002', desil: 2, first_period: '2025-Q2', last_period: '2025-Q2' },
    ]);
  });
});
