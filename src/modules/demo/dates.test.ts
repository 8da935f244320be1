import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, civilDate, dayNumber, formatDay, parsePeriod, parsePeriods, yearsBefore } from './dates.ts';

describe('day numbers', () => {
  it('agree with the JavaScript calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30000, max: 60000 }), (days) => {
        const date = new Date(days * 86_400_000);
        expect(civilDate(days)).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
        const { year, month, day } = civilDate(days);
        expect(dayNumber(year, month, day)).toBe(days);
      }),
    );
  });

  it('format as YYYY-MM-DD and count completed years', () => {
    expect(formatDay(dayNumber(1958, 4, 7))).toBe('1958-04-07');
    expect(ageOn(dayNumber(2000, 10, 1), dayNumber(2025, 9, 30))).toBe(24);
    expect(ageOn(dayNumber(2000, 9, 30), dayNumber(2025, 9, 30))).toBe(25);
    expect(formatDay(yearsBefore(dayNumber(2024, 2, 29), 1))).toBe('2023-02-28');
  });
});

describe('periods', () => {
  it('end on the last day of the quarter', () => {
    expect(formatDay(parsePeriod('2025-Q3').referenceDay)).toBe('2025-09-30');
    expect(formatDay(parsePeriod('2025-Q4').referenceDay)).toBe('2025-12-31');
    expect(parsePeriod('2025-Q1').ordinal + 2).toBe(parsePeriod('2025-Q3').ordinal);
  });

  it('must be valid and in time order', () => {
    expect(() => parsePeriod('2025-Q5')).toThrow(/2025-Q3/);
    expect(() => parsePeriods(['2025-Q3', '2025-Q2'])).toThrow(/time order/);
    expect(() => parsePeriods([])).toThrow(/at least one/);
  });
});
