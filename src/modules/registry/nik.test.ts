import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, isCalendarDate, nikDatePart, parseNik } from './nik.ts';

const birthDate = fc
  .date({ min: new Date('1926-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
const sex = fc.constantFrom<'L' | 'P'>('L', 'P');
const serial = fc.integer({ min: 1, max: 9999 });

describe('parseNik', () => {
  it('reads a man and a woman', () => {
    expect(parseNik('3519011208850003', 2025)).toMatchObject({
      kecamatanCode: '35.19.01',
      birthDate: '1985-08-12',
      sex: 'L',
      serial: 3,
    });
    expect(parseNik('3519015208850003', 2025)).toMatchObject({ birthDate: '1985-08-12', sex: 'P' });
  });

  it('rejects anything but 16 digits', () => {
    for (const bad of ['', '351901120885000', '35190112088500031', '35190112088500a3', ' 3519011208850003']) {
      expect(parseNik(bad)).toBeNull();
    }
  });

  it('returns no date for an impossible embedded date', () => {
    expect(parseNik('3519013102850001', 2025)?.birthDate).toBeNull();
    expect(parseNik('3519017102850001', 2025)?.birthDate).toBeNull();
  });

  it('round-trips every birth date and sex (property)', () => {
    fc.assert(
      fc.property(birthDate, sex, serial, (date, s, n) => {
        const nik = `351901${nikDatePart(date, s)}${String(n).padStart(4, '0')}`;
        const parsed = parseNik(nik, 2025);
        // The NIK holds two year digits: a date a full century back cannot be told apart.
        const expectedYear = Number(date.slice(0, 4)) > 2025 - 100 ? date : null;
        expect(parsed?.sex).toBe(s);
        expect(parsed?.serial).toBe(n);
        if (expectedYear) expect(parsed?.birthDate).toBe(date);
      }),
    );
  });

  it('never throws on arbitrary 16-digit strings (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), (nik) => {
        const parsed = parseNik(nik);
        expect(parsed).not.toBeNull();
        if (parsed?.birthDate)
          expect(
            isCalendarDate(...(parsed.birthDate.split('-').map(Number) as [number, number, number])),
          ).toBe(true);
      }),
    );
  });
});
