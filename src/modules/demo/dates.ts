/**
 * Dates as whole day numbers (days since 1970-01-01, UTC). The generator handles millions of
 * dates, so it avoids Date objects and converts with integer arithmetic (Howard Hinnant's
 * civil-calendar algorithms).
 */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilDate(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 'YYYY-MM-DD', the import format's date form. */
export function formatDay(days: number): string {
  const { year, month, day } = civilDate(days);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function yearOf(days: number): number {
  return civilDate(days).year;
}

/** Completed years of age on a given day. */
export function ageOn(birthDay: number, onDay: number): number {
  const birth = civilDate(birthDay);
  const on = civilDate(onDay);
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}

/** A quarterly DTSEN period; its reference day is the last day of the quarter. */
export interface Period {
  label: string;
  /** year * 4 + quarter - 1: consecutive quarters differ by one. */
  ordinal: number;
  referenceDay: number;
}

export function parsePeriod(label: string): Period {
  const match = /^(\d{4})-Q([1-4])$/.exec(label.trim());
  if (!match) throw new Error(`A period looks like 2025-Q3, got "${label}"`);
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  const firstDayOfNextQuarter =
    quarter === 4 ? dayNumber(year + 1, 1, 1) : dayNumber(year, quarter * 3 + 1, 1);
  return {
    label: `${year}-Q${quarter}`,
    ordinal: year * 4 + quarter - 1,
    referenceDay: firstDayOfNextQuarter - 1,
  };
}

/** Parses and checks a list of periods: at least one, in time order, no repeats. */
export function parsePeriods(labels: readonly string[]): Period[] {
  if (labels.length === 0) throw new Error('Give at least one period, e.g. 2025-Q3');
  const periods = labels.map(parsePeriod);
  for (let i = 1; i < periods.length; i++) {
    const previous = periods[i - 1] as Period;
    const current = periods[i] as Period;
    if (current.ordinal <= previous.ordinal) {
      throw new Error(
        `Periods must be in time order without repeats: ${previous.label} then ${current.label}`,
      );
    }
  }
  return periods;
}

/** The same calendar day `years` earlier (29 February becomes 28 February). */
export function yearsBefore(days: number, years: number): number {
  const { year, month, day } = civilDate(days);
  return dayNumber(year - years, month, month === 2 && day === 29 ? 28 : day);
}
