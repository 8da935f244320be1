import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, consoleActor } from '../../platform/actor.ts';
import { desaScope } from '../../platform/area-scope.ts';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { runImport } from './import/import.service.ts';
import { householdRows, writeCsv } from './import/test-fixtures.ts';
import { REGISTRY_PERMISSIONS } from './permissions.ts';
import {
  changeStatus,
  correctRecord,
  getHousehold,
  getPerson,
  searchHouseholds,
  searchPersons,
} from './registry.service.ts';

let db: Db;
const admin = consoleActor('operator', Object.values(REGISTRY_PERMISSIONS));
const desa2001: Actor = { ...admin, id: 'user:desa', scope: desaScope(['35.19.01.2001']) };
const page = { limit: 50, offset: 0 };

beforeAll(async () => {
  db = await openTestDb();
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-registry-test-'));
  const rows = [
    ...householdRows(1, { kode_desa: '35.19.01.2001' }),
    ...householdRows(2, { kode_desa: '35.19.01.2002' }, 2),
  ];
  await runImport(db, {
    path: writeCsv(join(dir, 'q3.csv'), rows),
    fileName: 'q3.csv',
    period: '2025-Q3',
    createdBy: 'test',
    kabupatenCode: '35.19',
  });
});
afterAll(() => db.close());

describe('registry search', () => {
  it('finds people by NIK, KK, name and desa', async () => {
    const byName = await searchPersons(db, admin, { name: 'anak 2', ...page });
    expect(byName.items.map((p) => p.name)).toEqual(['Anak 2-0', 'Anak 2-1']);
    const nik = byName.items[0]?.nik as string;
    expect((await searchPersons(db, admin, { nik, ...page })).items).toHaveLength(1);
    const kk = byName.items[0]?.kk as string;
    expect((await searchPersons(db, admin, { kk, ...page })).total).toBe(4);
    expect((await searchPersons(db, admin, { desa: '35.19.01.2001', ...page })).total).toBe(3);
    expect((await searchPersons(db, admin, { name: '100%', ...page })).items).toEqual([]);
  });

  it('paginates with a total', async () => {
    const first = await searchPersons(db, admin, { limit: 2, offset: 0 });
    const second = await searchPersons(db, admin, { limit: 2, offset: 2 });
    expect(first.total).toBe(7);
    expect(first.total_capped).toBe(false);
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(4);
  });

  it('shows a scoped user only their desa, in lists and by id', async () => {
    const people = await searchPersons(db, desa2001, page);
    expect(people.items.every((p) => p.desa_code === '35.19.01.2001')).toBe(true);
    expect(people.total).toBe(3);
    const other = await searchHouseholds(db, admin, { desa: '35.19.01.2002', ...page });
    const otherId = other.items[0]?.id as number;
    await expect(getHousehold(db, desa2001, otherId)).rejects.toThrow(/tidak ditemukan/);
    const otherPerson = (await searchPersons(db, admin, { desa: '35.19.01.2002', ...page })).items[0]
      ?.id as number;
    await expect(getPerson(db, desa2001, otherPerson)).rejects.toThrow(/tidak ditemukan/);
    await expect(
      changeStatus(db, desa2001, { type: 'person', id: otherPerson, status: 'meninggal', reason: 'x' }),
    ).rejects.toThrow(/tidak ditemukan/);
  });

  it('refuses an actor without the permission', async () => {
    const noRights: Actor = { ...admin, permissions: new Set() };
    await expect(searchPersons(db, noRights, page)).rejects.toMatchObject({ statusCode: 403 });
  });
});

describe('status changes', () => {
  it('keep who, when and why, and never delete the record', async () => {
    const household = (await searchHouseholds(db, admin, { desa: '35.19.01.2001', ...page })).items[0];
    const detail = await getHousehold(db, admin, household?.id as number);
    const head = detail.members[0];
    expect(head?.relationship).toBe('kepala_keluarga');

    await changeStatus(db, admin, {
      type: 'person',
      id: head?.id as number,
      status: 'meninggal',
      reason: 'Akta kematian 123',
    });
    await changeStatus(db, desa2001, {
      type: 'person',
      id: head?.id as number,
      status: 'aktif',
      reason: 'Salah input, masih hidup',
    });

    const { person, history } = await getPerson(db, admin, head?.id as number);
    expect(person.status).toBe('aktif');
    expect(history.map((h) => [h.from_status, h.to_status, h.reason, h.changed_by])).toEqual([
      ['aktif', 'meninggal', 'Akta kematian 123', 'cli:operator'],
      ['meninggal', 'aktif', 'Salah input, masih hidup', 'user:desa'],
    ]);
    const after = await getHousehold(db, admin, household?.id as number);
    expect(after.members).toHaveLength(3);
    expect(after.history).toHaveLength(2);
    expect(after.snapshots).toEqual([
      { period: '2025-Q3', kk: household?.kk, desa_code: '35.19.01.2001', desil: 2, members: 3 },
    ]);
  });

  it('require a reason', async () => {
    const household = (await searchHouseholds(db, admin, page)).items[0];
    await expect(
      changeStatus(db, admin, {
        type: 'household',
        id: household?.id as number,
        status: 'pindah',
        reason: '  ',
      }),
    ).rejects.toThrow(/Alasan/);
  });
});

describe('field corrections', () => {
  it('change the field and keep the old value, who and why, and an audit row', async () => {
    const [first] = (await searchPersons(db, admin, { desa: '35.19.01.2002', ...page })).items;
    const id = first?.id as number;
    await correctRecord(db, admin, {
      type: 'person',
      id,
      field: 'birth_date',
      value: '1971-03-12',
      reason: 'Sesuai akta kelahiran',
    });
    const { person, corrections } = await getPerson(db, admin, id);
    expect(person.birth_date).toBe('1971-03-12');
    expect(corrections.map((c) => [c.field, c.old_value, c.new_value, c.reason, c.changed_by])).toEqual([
      ['birth_date', first?.birth_date, '1971-03-12', 'Sesuai akta kelahiran', 'cli:operator'],
    ]);
    const audit = await db.query<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_log WHERE action = 'record.correct' AND subject_id = $1`,
      [id],
    );
    expect(audit).toEqual([
      { before: { birth_date: first?.birth_date }, after: { birth_date: '1971-03-12' } },
    ]);
  });

  it('correct a household desil', async () => {
    const [household] = (await searchHouseholds(db, admin, { desa: '35.19.01.2002', ...page })).items;
    await correctRecord(db, admin, {
      type: 'household',
      id: household?.id as number,
      field: 'desil',
      value: '5',
      reason: 'Verval lapangan',
    });
    const detail = await getHousehold(db, admin, household?.id as number);
    expect(detail.household.desil).toBe(5);
    expect(detail.corrections.at(-1)).toMatchObject({ field: 'desil', new_value: '5' });
  });

  it('refuse a bad value, an unknown field, no reason, another area and no permission', async () => {
    const [inOther] = (await searchPersons(db, admin, { desa: '35.19.01.2002', ...page })).items;
    const base = { type: 'person' as const, id: inOther?.id as number, reason: 'x' };
    await expect(correctRecord(db, admin, { ...base, field: 'nik', value: '123' })).rejects.toThrow(
      /nik must be 16 digits/,
    );
    await expect(correctRecord(db, admin, { ...base, field: 'status', value: 'aktif' })).rejects.toThrow(
      /cannot be corrected/,
    );
    await expect(
      correctRecord(db, admin, { ...base, field: 'name', value: 'Budi', reason: ' ' }),
    ).rejects.toThrow(/Alasan/);
    await expect(correctRecord(db, desa2001, { ...base, field: 'name', value: 'Budi' })).rejects.toThrow(
      /tidak ditemukan/,
    );
    const reader = consoleActor('reader', [REGISTRY_PERMISSIONS.read]);
    await expect(correctRecord(db, reader, { ...base, field: 'name', value: 'Budi' })).rejects.toThrow(
      /hak akses/,
    );
  });
});

describe('ganda', () => {
  it('keeps the surviving record in the history, and only for ganda', async () => {
    const people = (await searchPersons(db, admin, { desa: '35.19.01.2002', ...page })).items;
    const [kept, duplicate] = [people[0]?.id as number, people[1]?.id as number];
    await expect(
      changeStatus(db, admin, {
        type: 'person',
        id: duplicate,
        status: 'pindah',
        reason: 'x',
        relatedId: kept,
      }),
    ).rejects.toThrow(/ganda/);
    await changeStatus(db, admin, {
      type: 'person',
      id: duplicate,
      status: 'ganda',
      reason: 'Rekaman ganda',
      relatedId: kept,
    });
    const { history } = await getPerson(db, admin, duplicate);
    expect(history.at(-1)).toMatchObject({ to_status: 'ganda', related_id: kept });
  });
});
