import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilDate, dayNumber } from './dates.ts';
import { buildKk, buildNik, nikDisagreements, SerialCounter } from './nik.ts';

const KECAMATAN = ['351901', '351915', '357701', '350222'];
const person = fc.record({
  region: fc.constantFrom(...KECAMATAN),
  birthDay: fc.integer({ min: dayNumber(1900, 1, 1), max: dayNumber(2025, 9, 30) }),
  sex: fc.constantFrom('L' as const, 'P' as const),
});

/** Reads a NIK back the way a validator would. */
function decode(nik: string) {
  const rawDay = Number(nik.slice(6, 8));
  return {
    region: nik.slice(0, 6),
    day: rawDay > 40 ? rawDay - 40 : rawDay,
    sex: rawDay > 40 ? 'P' : 'L',
    month: Number(nik.slice(8, 10)),
    yy: Number(nik.slice(10, 12)),
    serial: Number(nik.slice(12)),
  };
}

describe('NIK', () => {
  it('is 16 digits whose region, birth date and sex decode back to the person', () => {
    fc.assert(
      fc.property(person, ({ region, birthDay, sex }) => {
        const nik = buildNik(
          region,
          birthDay,
          sex,
          new SerialCounter().next(region, birthDay, sex === 'P' ? 1 : 0),
        );
        expect(nik).toMatch(/^\d{16}$/);
        const { year, month, day } = civilDate(birthDay);
        expect(decode(nik)).toEqual({ region, day, sex, month, yy: year % 100, serial: 1 });
        expect(nikDisagreements(nik, birthDay, sex)).toEqual([]);
      }),
    );
  });

  it('gives every person of the same region, birth date and sex a new serial, so NIKs are unique', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 300 }), (people) => {
        const serials = new SerialCounter();
        const niks = people.map(({ region, birthDay, sex }) =>
          buildNik(region, birthDay, sex, serials.next(region, birthDay, sex === 'P' ? 1 : 0)),
        );
        expect(new Set(niks).size).toBe(niks.length);
        for (const nik of niks) expect(decode(nik).serial).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('keeps people born a century apart on the same day apart (the NIK has a two-digit year)', () => {
    const serials = new SerialCounter();
    const old = dayNumber(1925, 3, 5);
    const young = dayNumber(2025, 3, 5);
    expect(buildNik('351901', old, 'L', serials.next('351901', old, 0))).toBe('3519010503250001');
    expect(buildNik('351901', young, 'L', serials.next('351901', young, 0))).toBe('3519010503250002');
  });

  it('adds 40 to the day for women', () => {
    expect(buildNik('351901', dayNumber(1958, 4, 17), 'P', 1)).toBe('3519015704580001');
  });

  it('reports a record whose date or sex the NIK contradicts', () => {
    const nik = buildNik('351901', dayNumber(1980, 6, 12), 'P', 3);
    expect(nikDisagreements(nik, dayNumber(1980, 6, 12), 'L')).toEqual(['sex_mismatch']);
    expect(nikDisagreements(nik, dayNumber(1981, 6, 12), 'P')).toEqual(['birth_date_mismatch']);
    expect(nikDisagreements('3519019913800003', dayNumber(1980, 6, 12), 'P')).toEqual(['nik_date_invalid']);
  });

  it('builds KK numbers from the kecamatan, issue date and serial', () => {
    expect(buildKk('351901', dayNumber(2020, 4, 13), 1)).toBe('3519011304200001');
  });
});
