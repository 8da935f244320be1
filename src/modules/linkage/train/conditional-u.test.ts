import { describe, expect, it } from 'vitest';
import { prepareRecords } from '../prepare/records-builder.ts';
import { SMALL_SETTINGS } from '../test/fixtures.ts';
import type { PersonRecord } from '../types.ts';
import { trainModel } from './train-model.ts';

const MISTYPED = 'birth_segment_mistyped';

/** Men born on 17 August 1975 in one kecamatan (serials 0001...), and one man born on each other day. */
function district(sameDay: number, otherDays: number): PersonRecord[] {
  const records: PersonRecord[] = [];
  for (let s = 1; s <= sameDay; s++) {
    records.push(person(`S${s}`, '1975-08-17', `3519011708750${String(s).padStart(3, '0')}`));
  }
  for (let d = 0; d < otherDays; d++) {
    const day = new Date(Date.UTC(1960, 0, 2 + d));
    const [y, m, dd] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    const segment = `${String(dd).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y % 100).padStart(2, '0')}`;
    records.push(
      person(
        `D${d}`,
        `${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`,
        `351902${segment}0001`,
      ),
    );
  }
  return records;
}

function person(id: string, birth_date: string, nik: string): PersonRecord {
  return {
    id,
    name: `Slamet ${id}`,
    nik,
    sex: 'L',
    birth_date,
    mother_name: 'Painem',
    area_code: '35.19.01.2001',
  };
}

describe('u of a NIK mistyped in its birth date part', () => {
  it('is its share among pairs born on the same day, not among random pairs', async () => {
    // S1's NIK encodes the 17th; X's, one digit away, the 18th though X was born on the 17th too.
    const records = [...district(40, 400), person('X', '1975-08-17', '3519011808750001')];
    const model = await trainModel(prepareRecords(records), SMALL_SETTINGS, { workers: 0, seed: 1 });
    const nik = SMALL_SETTINGS.fields.findIndex((field) => field.column === 'nik');
    const level = SMALL_SETTINGS.fields[nik]?.levels.findIndex((l) => l.kind === MISTYPED) as number;
    // 41 men share the date: 820 pairs, one of them (S1, X) at the level; half a pair smooths each of 4 levels.
    expect(model.fields[nik]?.levels[level]?.u).toBeCloseTo(1.5 / 822, 8);
  });
});
