import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, REQUIRED_COLUMNS } from '../registry/import-format.ts';
import { VOCABULARY } from '../registry/vocabulary.ts';
import { DUPLICATE_KINDS } from './duplicates.ts';
import { type DemoManifest, generateDemoDistrict } from './generate.ts';
import { loadReferenceData } from './reference-data.ts';

type Row = Record<string, string>;
const PERIODS = ['2025-Q2', '2025-Q3'];
let root: string;
let manifest: DemoManifest;
const rows: Record<string, Row[]> = {};

async function csv(dir: string, file: string): Promise<Row[]> {
  return parse(await readFile(join(dir, file), 'utf8'), { columns: true });
}

function householdsOf(list: Row[]): Map<string, Row[]> {
  const households = new Map<string, Row[]>();
  for (const row of list) {
    const members = households.get(row.id_keluarga as string);
    if (members) members.push(row);
    else households.set(row.id_keluarga as string, [row]);
  }
  return households;
}

function byId(list: Row[], column: string): Map<string, Row> {
  return new Map(list.map((row) => [row[column] as string, row]));
}

/** The registry's period diff, computed from two files independently of the generator. */
function recomputeDiff(before: Row[], after: Row[]) {
  const households = (list: Row[]) => byId(list, 'id_keluarga');
  const [hA, hB, pA, pB] = [
    households(before),
    households(after),
    byId(before, 'id_individu'),
    byId(after, 'id_individu'),
  ];
  const sorted = (ids: Iterable<string>) => [...ids].sort();
  return {
    households: {
      entered: sorted([...hB.keys()].filter((id) => !hA.has(id))),
      left: sorted([...hA.keys()].filter((id) => !hB.has(id))),
      desil_changed: sorted(
        [...hB.keys()].filter((id) => hA.has(id) && hA.get(id)?.desil !== hB.get(id)?.desil),
      ),
      moved_desa: sorted(
        [...hB.keys()].filter((id) => hA.has(id) && hA.get(id)?.kode_desa !== hB.get(id)?.kode_desa),
      ),
    },
    people: {
      entered: sorted([...pB.keys()].filter((id) => !pA.has(id))),
      left: sorted([...pA.keys()].filter((id) => !pB.has(id))),
      moved_desa: sorted(
        [...pB.keys()].filter((id) => pA.has(id) && pA.get(id)?.kode_desa !== pB.get(id)?.kode_desa),
      ),
    },
  };
}

async function diffTruth(dir: string, from: string, to: string) {
  const truth = JSON.parse(await readFile(join(dir, `truth-diff-${from}-${to}.json`), 'utf8'));
  const lists = (section: Record<string, { count: number; ids: string[] }>) =>
    Object.fromEntries(
      Object.entries(section).map(([change, list]) => {
        expect(list.ids).toHaveLength(list.count);
        return [change, [...list.ids].sort()];
      }),
    );
  expect([truth.from, truth.to]).toEqual([from, to]);
  return {
    households: lists(truth.households) as Record<
      'entered' | 'left' | 'desil_changed' | 'moved_desa',
      string[]
    >,
    people: lists(truth.people) as Record<'entered' | 'left' | 'moved_desa', string[]>,
  };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sinergi-demo-'));
  manifest = await generateDemoDistrict({ outDir: join(root, 'a'), size: 3000, seed: 7, periods: PERIODS });
  for (const period of PERIODS) rows[period] = await csv(join(root, 'a'), `dtsen-${period}.csv`);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the demo district', () => {
  it('is the same, byte for byte, for the same seed and size', async () => {
    const progress: number[] = [];
    await generateDemoDistrict({
      outDir: join(root, 'b'),
      size: 3000,
      seed: 7,
      periods: PERIODS,
      onProgress: (done, total) => progress.push(done / total),
    });
    const files = (await readdir(join(root, 'a'))).sort();
    expect(files).toEqual((await readdir(join(root, 'b'))).sort());
    for (const file of files) {
      expect(
        (await readFile(join(root, 'b', file))).equals(await readFile(join(root, 'a', file))),
        file,
      ).toBe(true);
    }
    expect(progress.at(-1)).toBe(1);
    await generateDemoDistrict({ outDir: join(root, 'c'), size: 3000, seed: 8, periods: PERIODS });
    expect(await readFile(join(root, 'c', 'dtsen-2025-Q2.csv'), 'utf8')).not.toBe(
      await readFile(join(root, 'a', 'dtsen-2025-Q2.csv'), 'utf8'),
    );
  });

  it('writes exactly the requested number of people in the first period, and counts them', () => {
    expect(rows['2025-Q2']).toHaveLength(3000);
    manifest.periods.forEach((period, i) => {
      const list = rows[PERIODS[i] as string] as Row[];
      expect(period.people).toBe(list.length);
      expect(period.households).toBe(new Set(list.map((row) => row.id_keluarga)).size);
      expect(period.missingNik).toBe(list.filter((row) => row.nik === '').length);
    });
  });

  it('follows the import format: columns, codes, ids, desa, NIK and KK', async () => {
    const header = (await readFile(join(root, 'a', 'dtsen-2025-Q3.csv'), 'utf8')).split('\n')[0];
    expect(header).toBe(IMPORT_COLUMNS.join(','));
    const desa = new Set(loadReferenceData().desa.map((d) => d.code));
    const coded = Object.entries(VOCABULARY).filter(
      ([column]) => column !== 'aset' && column !== 'ternak',
    ) as Array<[string, readonly string[]]>;
    // Problems are collected rather than asserted row by row: thousands of expect calls are slow.
    const problems: string[] = [];
    const check = (ok: boolean, what: string, row: Row) => {
      if (!ok) problems.push(`${row.id_individu}: ${what}`);
    };
    for (const period of PERIODS) {
      const list = rows[period] as Row[];
      expect(new Set(list.map((row) => row.id_individu)).size).toBe(list.length);
      for (const row of list) {
        for (const column of REQUIRED_COLUMNS)
          check(column === 'nik' || row[column] !== '', `${column} empty`, row);
        for (const [column, codes] of coded)
          check(codes.includes(row[column] as string), `${column}=${row[column]}`, row);
        for (const asset of (row.aset as string).split(';').filter(Boolean)) {
          check((VOCABULARY.aset as readonly string[]).includes(asset), `aset ${asset}`, row);
        }
        for (const animal of (row.ternak as string).split(';').filter(Boolean)) {
          const [kind, count] = animal.split(':');
          check(
            (VOCABULARY.ternak as readonly string[]).includes(kind as string) && Number(count) > 0,
            animal,
            row,
          );
        }
        check(desa.has(row.kode_desa as string), `desa ${row.kode_desa}`, row);
        check(/^\d{16}$/.test(row.no_kk as string), `kk ${row.no_kk}`, row);
        check(row.no_kk?.slice(0, 6) === row.kode_desa?.slice(0, 8).replaceAll('.', ''), 'kk kecamatan', row);
        check(/^(\d{16})?$/.test(row.nik as string), `nik ${row.nik}`, row);
        check(/^([1-9]|10)$/.test(row.desil as string), `desil ${row.desil}`, row);
        check(/^\d{4}-\d{2}-\d{2}$/.test(row.tanggal_lahir as string), 'date format', row);
        check((row.tanggal_lahir as string) <= '2025-09-30', `born ${row.tanggal_lahir}`, row);
      }
      for (const members of householdsOf(list).values()) {
        const first = members[0] as Row;
        for (const row of members) {
          check(
            row.no_kk === first.no_kk && row.kode_desa === first.kode_desa && row.desil === first.desil,
            'household columns',
            row,
          );
        }
        check(
          members.filter((row) => row.hubungan_keluarga === 'kepala_keluarga').length === 1,
          'one head',
          first,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives children the name of their mother when she lives with them', () => {
    const list = rows['2025-Q2'] as Row[];
    const households = householdsOf(list);
    const children = list.filter((row) => row.hubungan_keluarga === 'anak');
    const withMother = children.filter((child) =>
      households
        .get(child.id_keluarga as string)
        ?.some((m) => m.nama === child.nama_ibu_kandung && m.jenis_kelamin === 'P'),
    );
    expect(withMother.length / children.length).toBeGreaterThan(0.8);
  });

  it('writes the exact period diff as ground truth', async () => {
    const truth = await diffTruth(join(root, 'a'), '2025-Q2', '2025-Q3');
    expect(truth).toEqual(recomputeDiff(rows['2025-Q2'] as Row[], rows['2025-Q3'] as Row[]));
    expect(truth.households.desil_changed.length).toBeGreaterThan(0);
    expect(truth.people.entered.length).toBeGreaterThan(0);
    expect(manifest.diffs[0]?.counts.people.entered).toBe(truth.people.entered.length);
  });

  it('writes exact diffs between each pair of periods, also across a gap of quarters', async () => {
    const dir = join(root, 'three');
    const periods = ['2024-Q4', '2025-Q2', '2025-Q3'];
    await generateDemoDistrict({ outDir: dir, size: 1500, seed: 3, periods });
    const files = await Promise.all(periods.map((period) => csv(dir, `dtsen-${period}.csv`)));
    for (let i = 1; i < periods.length; i++) {
      const truth = await diffTruth(dir, periods[i - 1] as string, periods[i] as string);
      expect(truth).toEqual(recomputeDiff(files[i - 1] as Row[], files[i] as Row[]));
    }
  });

  it('lists every duplicate pair with ids present in every period and kinds that show in the data', async () => {
    const pairs = await csv(join(root, 'a'), 'truth-duplicates.csv');
    expect(pairs.length).toBe(manifest.duplicates.pairs);
    for (const period of PERIODS) {
      const people = byId(rows[period] as Row[], 'id_individu');
      for (const pair of pairs) {
        const a = people.get(pair.id_individu_a as string) as Row;
        const b = people.get(pair.id_individu_b as string) as Row;
        expect(a && b, `${pair.id_individu_a} ${pair.id_individu_b} in ${period}`).toBeTruthy();
        const kinds = (pair.kinds as string).split(';');
        for (const kind of kinds) expect(DUPLICATE_KINDS).toContain(kind);
        const location = kinds.filter((k) => ['same_household', 'other_household', 'moved_desa'].includes(k));
        expect(location).toHaveLength(1);
        if (kinds.includes('same_household')) expect(a.id_keluarga).toBe(b.id_keluarga);
        if (kinds.includes('other_household')) {
          expect(a.id_keluarga).not.toBe(b.id_keluarga);
          expect(a.kode_desa).toBe(b.kode_desa);
        }
        if (kinds.includes('moved_desa')) expect(a.kode_desa).not.toBe(b.kode_desa);
        if (kinds.includes('nik_missing')) expect(a.nik === '' || b.nik === '').toBe(true);
        if (!kinds.some((k) => k.startsWith('nik_'))) expect(a.nik).toBe(b.nik);
        if (!kinds.some((k) => k.startsWith('date_'))) expect(a.tanggal_lahir).toBe(b.tanggal_lahir);
        const nameKinds = [
          'name_typo',
          'name_variant',
          'old_spelling',
          'nickname',
          'name_order',
          'honorific',
        ];
        if (!kinds.some((k) => nameKinds.includes(k))) expect(a.nama).toBe(b.nama);
        expect(a.jenis_kelamin).toBe(b.jenis_kelamin);
      }
    }
    const people = new Set(pairs.flatMap((pair) => [pair.id_individu_a, pair.id_individu_b]));
    const rate = (people.size - manifest.duplicates.people) / 3000;
    expect(rate).toBeGreaterThan(0.015);
    expect(rate).toBeLessThan(0.035);
  });

  it('writes a death register whose listed dead are in the registry', async () => {
    const register = byId(await csv(join(root, 'a'), 'death-register.csv'), 'no_akta_kematian');
    const truth = await csv(join(root, 'a'), 'truth-deaths.csv');
    expect(register.size).toBe(manifest.deaths.rows);
    expect(truth.length).toBe(manifest.deaths.stillListed + manifest.deaths.removed);
    expect(register.size - truth.length).toBe(manifest.deaths.notInRegistry);
    const first = byId(rows['2025-Q2'] as Row[], 'id_individu');
    const last = byId(rows['2025-Q3'] as Row[], 'id_individu');
    for (const death of truth) {
      const entry = register.get(death.no_akta_kematian as string) as Row;
      expect(entry).toBeDefined();
      const person = (last.get(death.id_individu as string) ?? first.get(death.id_individu as string)) as Row;
      expect(person).toBeDefined();
      expect(last.has(death.id_individu as string)).toBe(death.still_listed === 'true');
      expect((entry.tanggal_kematian as string) <= '2025-09-30').toBe(true);
      expect(entry.jenis_kelamin).toBe(person.jenis_kelamin);
    }
    expect(manifest.deaths.stillListed / 3000).toBeGreaterThan(0.002);
    expect(manifest.deaths.stillListed / 3000).toBeLessThan(0.012);
  });

  it('writes a civil servant list whose matched rows are in every period', async () => {
    const list = byId(await csv(join(root, 'a'), 'asn-list.csv'), 'nip');
    const truth = await csv(join(root, 'a'), 'truth-asn.csv');
    expect(list.size).toBe(manifest.asn.rows);
    expect(truth.length).toBe(manifest.asn.inRegistry);
    expect(truth.length).toBeLessThan(list.size / 2);
    for (const period of PERIODS) {
      const people = byId(rows[period] as Row[], 'id_individu');
      for (const match of truth) {
        expect(list.has(match.nip as string)).toBe(true);
        expect(people.get(match.id_individu as string)?.jenis_kelamin).toBe(
          list.get(match.nip as string)?.jenis_kelamin,
        );
      }
    }
  });

  it('lists exactly the records whose NIK disagrees with their birth date or sex', async () => {
    const truth = await csv(join(root, 'a'), 'truth-nik-inconsistent.csv');
    const found = new Map<string, string>();
    for (const row of rows['2025-Q2'] as Row[]) {
      if (row.nik === '') continue;
      const nik = row.nik as string;
      const rawDay = Number(nik.slice(6, 8));
      const day = rawDay > 40 ? rawDay - 40 : rawDay;
      const month = Number(nik.slice(8, 10));
      const problems: string[] = [];
      if (day < 1 || day > 31 || month < 1 || month > 12) problems.push('nik_date_invalid');
      else {
        const [year, m, d] = (row.tanggal_lahir as string).split('-');
        if (`${String(day).padStart(2, '0')}${nik.slice(8, 12)}` !== `${d}${m}${year?.slice(2)}`) {
          problems.push('birth_date_mismatch');
        }
        if ((rawDay > 40 ? 'P' : 'L') !== row.jenis_kelamin) problems.push('sex_mismatch');
      }
      if (problems.length > 0) found.set(row.id_individu as string, problems.join(';'));
    }
    expect(new Map(truth.map((row) => [row.id_individu, row.problem]))).toEqual(found);
    expect(found.size).toBeGreaterThan(0);
  });

  it('looks like a poor-ish rural kabupaten', () => {
    const list = rows['2025-Q2'] as Row[];
    const households = [...householdsOf(list).values()];
    const mean = list.length / households.length;
    expect(mean).toBeGreaterThan(2.8);
    expect(mean).toBeLessThan(3.5);
    expect(Math.max(...households.map((members) => members.length))).toBeLessThanOrEqual(11);
    const poorer = households.filter((members) => Number(members[0]?.desil) <= 5).length;
    expect(poorer / households.length).toBeGreaterThan(0.55);
    const byDesil = (desil: string) => households.filter((members) => members[0]?.desil === desil);
    const earthFloor = (group: Row[][]) =>
      group.filter((m) => m[0]?.jenis_lantai === 'tanah').length / group.length;
    expect(earthFloor(byDesil('1'))).toBeGreaterThan(earthFloor(byDesil('10')) + 0.15);
    const elderly = list.filter((row) => (row.tanggal_lahir as string) < '1955');
    const young = list.filter((row) => (row.tanggal_lahir as string) >= '1995');
    const mononyms = (group: Row[]) => group.filter((row) => !row.nama?.includes(' ')).length / group.length;
    expect(mononyms(elderly)).toBeGreaterThan(0.7);
    expect(mononyms(young)).toBeLessThan(0.15);
    const adults = list.filter(
      (row) => (row.tanggal_lahir as string) < '2000' && (row.tanggal_lahir as string) >= '1960',
    );
    expect(
      adults.filter((row) => /petani|buruh tani/.test(row.pekerjaan as string)).length / adults.length,
    ).toBeGreaterThan(0.15);
  });
});
