import { describe, expect, it } from 'vitest';
import { dayNumber, parseDate } from './dates.ts';
import { decodeNikBirth, parseIdNumber } from './nik.ts';

describe('parseDate', () => {
  it.each([
    ['1975-08-17', { year: 1975, month: 8, day: 17 }],
    ['17-08-1975', { year: 1975, month: 8, day: 17 }],
    ['17/08/1975', { year: 1975, month: 8, day: 17 }],
    ['1/2/1960', { year: 1960, month: 2, day: 1 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
  ])('%s', (raw, date) => {
    expect(parseDate(raw)).toEqual(date);
  });

  it.each(['1975-02-30', '1900-02-29', '17.08.75', 'kemarin', ''])('rejects %s', (raw) => {
    expect(parseDate(raw)).toBeNull();
  });

  it('numbers days across month ends', () => {
    expect(dayNumber({ year: 1975, month: 3, day: 1 }) - dayNumber({ year: 1975, month: 2, day: 28 })).toBe(
      1,
    );
  });
});

describe('NIK', () => {
  it('reads 16 digits, tolerating spaces, dots and an Excel apostrophe', () => {
    expect(parseIdNumber('3519015708750001')).toBe('3519015708750001');
    expect(parseIdNumber("'3519 0157 0875 0001")).toBe('3519015708750001');
    expect(parseIdNumber('351901570875000')).toBeNull();
    expect(parseIdNumber('35190157087500AB')).toBeNull();
  });

  it('decodes birth date and sex (day + 40 for women)', () => {
    expect(decodeNikBirth('3519015708750001')).toEqual({ day: 17, month: 8, yearOfCentury: 75, sex: 'P' });
    expect(decodeNikBirth('3519011708750001')).toEqual({ day: 17, month: 8, yearOfCentury: 75, sex: 'L' });
    expect(decodeNikBirth('3519013513750001')).toBeNull();
  });
});
