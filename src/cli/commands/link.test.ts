import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it, vi } from 'vitest';
import { SMALL_SETTINGS, smallDistrict } from '../../modules/linkage/test/fixtures.ts';
import { linkCommand } from './link.ts';

const dir = mkdtempSync(join(tmpdir(), 'sinergi-link-'));

/** Writes the small district as a CSV with its own column names, and the truth and settings. */
function files() {
  const { records, truth } = smallDistrict(1500, 5);
  const data = join(dir, 'people.csv');
  writeFileSync(
    data,
    stringify([
      ['no', 'nama_lengkap', 'nik', 'jk', 'tgl_lahir', 'ibu', 'desa', 'lain'],
      ...records.map((r) => [r.id, r.name, r.nik, r.sex, r.birth_date, r.mother_name, r.area_code, 'x']),
    ]),
  );
  const truthFile = join(dir, 'truth.csv');
  writeFileSync(truthFile, stringify([['a', 'b'], ...truth]));
  const settings = join(dir, 'settings.json');
  writeFileSync(settings, JSON.stringify(SMALL_SETTINGS));
  return { data, truthFile, settings };
}

async function run(args: string[]): Promise<string> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    await linkCommand().parseAsync(args, { from: 'user' });
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  return lines.join('\n');
}

describe('sinergi link', () => {
  it('deduplicates any CSV through a column mapping and measures against the truth', async () => {
    const { data, truthFile, settings } = files();
    const out = join(dir, 'out');
    const map =
      'id=no,name=nama_lengkap,sex=jk,birth_date=tgl_lahir,mother_name=ibu,area_code=desa,kk=,birth_place=,address=';
    const printed = await run([
      'dedupe',
      data,
      '--map',
      map,
      '--out',
      out,
      '--truth',
      truthFile,
      '--settings',
      settings,
      '--workers',
      '0',
    ]);
    expect(printed).toMatch(/recall: +1\.0000/);
    expect(printed).toMatch(/blocking recall: 1\.0000/);
    const pairs = readFileSync(join(out, 'pairs.csv'), 'utf8').split('\n');
    expect(pairs[0]).toMatch(
      /^id_a,id_b,probability,match_weight,status,death_hint_a,death_hint_b,name_level,name_weight,/,
    );
    expect(readFileSync(join(out, 'clusters.csv'), 'utf8')).toMatch(/^cluster_id,cluster_size,id\n/);
    expect(JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')).training.notEstimated).toEqual([
      'birth_place',
      'kk',
    ]);
    // The same input and seed give the same files.
    const again = join(dir, 'again');
    await run(['dedupe', data, '--map', map, '--out', again, '--settings', settings, '--workers', '0']);
    expect(readFileSync(join(again, 'pairs.csv'), 'utf8')).toBe(pairs.join('\n'));
  });

  it('names the missing column instead of failing obscurely', async () => {
    const { data } = files();
    await expect(run(['dedupe', data, '--out', join(dir, 'x')])).rejects.toThrow(
      /no column "id_individu" for id/,
    );
  });
});
