import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consoleActor } from '../../../platform/actor.ts';
import type { Db } from '../../../platform/db/index.ts';
import { openTestDb } from '../../../platform/db/testing.ts';
import { VALIDATION_PERMISSIONS } from '../permissions.ts';
import { ASN_COLUMNS, DEATH_COLUMNS, type ListKind } from './list-checks.ts';
import { runListImport } from './list-import.ts';
import { currentList, deathEntries } from './lists.repository.ts';
import { getList, listLists, listRejects, rejectsCsv } from './lists.service.ts';

let db: Db;
const dir = mkdtempSync(join(tmpdir(), 'sinergi-list-test-'));
const actor = consoleActor('test', [VALIDATION_PERMISSIONS.importLists]);

function csvFile(name: string, columns: readonly string[], rows: Record<string, string>[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const path = join(dir, name);
  writeFileSync(
    path,
    [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c] ?? '')).join(','))].join('\n'),
  );
  return path;
}

const importList = (kind: ListKind, path: string) =>
  runListImport(db, { kind, path, fileName: path.split('/').pop() as string, createdBy: 'test' });

const deathRow = (n: number, values: Record<string, string> = {}) => ({
  no_akta_kematian: `3519-KM-01022025-000${n}`,
  nik: `351901450140000${n}`,
  nama: `Almh. Painem ${n}`,
  jenis_kelamin: 'P',
  tempat_lahir: 'Madiun',
  tanggal_lahir: '1940-01-05',
  tanggal_kematian: '2025-01-20',
  kode_desa: '35.19.01.2001',
  nama_ibu_kandung: '',
  ...values,
});

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

describe('external list import', () => {
  beforeEach(async () => {
    await db.exec(
      'TRUNCATE death_register_entries, asn_list_entries, external_list_rejects, external_lists RESTART IDENTITY CASCADE',
    );
  });

  it('imports a death register, keeping every rejected row with its line, raw content and all reasons', async () => {
    const path = csvFile('kematian.csv', DEATH_COLUMNS, [
      deathRow(1),
      deathRow(2, { nik: '12', jenis_kelamin: 'X', tanggal_kematian: '' }),
      deathRow(3, { nama: 'Sukirman, "Pak"', kode_desa: '3519012001' }),
      deathRow(1, { nama: 'Ulang' }),
    ]);
    const summary = await importList('death', path);
    expect(summary).toMatchObject({
      status: 'committed',
      rowsTotal: 4,
      rowsAccepted: 2,
      rowsRejected: 2,
      replaced: null,
    });
    const entries = await deathEntries(db, summary.listId);
    expect(entries.map((e) => [e.line_no, e.name, e.desa_code])).toEqual([
      [2, 'Almh. Painem 1', '35.19.01.2001'],
      [4, 'Sukirman, "Pak"', '35.19.01.2001'],
    ]);
    const rejects = await listRejects(db, actor, summary.listId, { afterLine: 0, limit: 10 });
    expect(rejects.map((r) => [r.line_no, r.reasons.map((x) => `${x.field}:${x.code}`)])).toEqual([
      [3, ['tanggal_kematian:required', 'nik:nik_format', 'jenis_kelamin:sex_invalid']],
      [5, ['no_akta_kematian:duplicate']],
    ]);
    // The raw row as it was in the file; NIK masked for an actor without registry.read_identity.
    expect(rejects[0]?.raw).toMatchObject({ nama: 'Almh. Painem 2', jenis_kelamin: 'X', nik: '**' });
    let csv = '';
    for await (const chunk of rejectsCsv(db, actor, summary.listId)) csv += chunk;
    const lines = parse(csv) as string[][];
    expect(lines[0]).toEqual(['baris', 'alasan', 'reasons', ...DEATH_COLUMNS]);
    expect(lines[1]?.slice(0, 3)).toEqual([
      '3',
      'tanggal_kematian: tanggal_kematian wajib diisi; nik: NIK "12" harus 16 digit angka; jenis_kelamin: Jenis kelamin "X" harus L atau P',
      'tanggal_kematian: tanggal_kematian is required; nik: NIK "12" must be 16 digits; jenis_kelamin: Sex "X" must be L or P',
    ]);
    expect(lines[1]?.[3 + DEATH_COLUMNS.indexOf('nama')]).toBe('Almh. Painem 2');
    expect(lines).toHaveLength(3);
  });

  it('imports an ASN list from XLSX, NIP typed as a number included', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('ASN');
    sheet.addRow([...ASN_COLUMNS]);
    sheet.addRow([
      '199006292019111001',
      3519012906900001,
      'Taufik, S.Pd.',
      new Date('1990-06-29'),
      'L',
      'PNS',
      'Dinas',
      'Guru',
    ]);
    sheet.addRow(['82050001', '', 'Dimas', '1982-05-12', 'L', 'TNI', 'Kodim 0803', 'Perwira']);
    sheet.addRow(['123', '', 'Salah', '1982-05-12', 'L', 'Honorer', '', '']);
    const path = join(dir, 'asn.xlsx');
    await workbook.xlsx.writeFile(path);
    const summary = await importList('asn', path);
    expect(summary).toMatchObject({ status: 'committed', rowsAccepted: 2, rowsRejected: 1 });
    const rows = await db.query<{ nik: string | null; birth_date: string; staff_kind: string }>(
      'SELECT nik, birth_date, staff_kind FROM asn_list_entries ORDER BY line_no',
    );
    expect(rows).toEqual([
      { nik: '3519012906900001', birth_date: '1990-06-29', staff_kind: 'PNS' },
      { nik: null, birth_date: '1982-05-12', staff_kind: 'TNI' },
    ]);
    const [reject] = await listRejects(db, actor, summary.listId, { afterLine: 0, limit: 10 });
    expect(reject?.line_no).toBe(4);
    expect(reject?.reasons.map((r) => r.code)).toEqual(['code_invalid', 'nip_format']);
  });

  it('replaces the previous list of its kind and keeps it for history; other kinds are untouched', async () => {
    const first = await importList('death', csvFile('a.csv', DEATH_COLUMNS, [deathRow(1)]));
    const asn = await importList(
      'asn',
      csvFile('asn.csv', ASN_COLUMNS, [{ nip: '82050001', nama: 'Dimas', jenis_aparatur: 'TNI' }]),
    );
    const second = await importList('death', csvFile('b.csv', DEATH_COLUMNS, [deathRow(2), deathRow(3)]));
    expect(second.replaced).toBe(first.listId);
    expect((await currentList(db, 'death'))?.id).toBe(second.listId);
    expect((await currentList(db, 'asn'))?.id).toBe(asn.listId);
    const old = await getList(db, actor, first.listId);
    expect(old).toMatchObject({
      status: 'committed',
      replaced_by: second.listId,
      current: false,
      rows_accepted: 1,
    });
    expect(await deathEntries(db, first.listId)).toHaveLength(1);
    expect(
      (await listLists(db, actor, { kind: 'death', limit: 10, offset: 0 })).map((l) => [l.id, l.current]),
    ).toEqual([
      [second.listId, true],
      [first.listId, false],
    ]);
  });

  it('leaves the current list in place when every row is rejected or the header lacks a column', async () => {
    const good = await importList('death', csvFile('good.csv', DEATH_COLUMNS, [deathRow(1)]));
    const bad = await importList(
      'death',
      csvFile('bad.csv', DEATH_COLUMNS, [deathRow(2, { tanggal_kematian: 'x' })]),
    );
    expect(bad).toMatchObject({ status: 'failed', rowsRejected: 1, rowsAccepted: 0 });
    expect(bad.message).toMatch(/Semua 1 baris ditolak/);
    expect(await listRejects(db, actor, bad.listId, { afterLine: 0, limit: 10 })).toHaveLength(1);
    await expect(
      importList('death', csvFile('header.csv', ['no_akta_kematian', 'nik'], [{ no_akta_kematian: 'A' }])),
    ).rejects.toThrow(/kolom wajib: nama, tanggal_kematian/);
    expect((await currentList(db, 'death'))?.id).toBe(good.listId);
    expect(await db.query('SELECT count(*)::int AS n FROM death_register_entries')).toEqual([{ n: 1 }]);
  });

  it('refuses an actor without the list permission and an unknown file type', async () => {
    const operator = consoleActor('desa', [VALIDATION_PERMISSIONS.read]);
    await expect(listLists(db, operator, { limit: 10, offset: 0 })).rejects.toMatchObject({
      statusCode: 403,
    });
    await expect(importList('death', join(dir, 'daftar.pdf'))).rejects.toMatchObject({ statusCode: 400 });
  });
});
