/** A calendar date as written in a record. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/** Reads YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY (also with dots); null when not a real date. */
export function parseDate(raw: string): CalendarDate | null {
  const text = raw.trim();
  const iso = ISO.exec(text);
  const dayFirst = iso === null ? DAY_FIRST.exec(text) : null;
  if (iso === null && dayFirst === null) return null;
  const [year, month, day] =
    iso !== null
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [Number(dayFirst?.[3]), Number(dayFirst?.[2]), Number(dayFirst?.[1])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01, so that neighbouring dates across month ends differ by one. */
export function dayNumber(date: CalendarDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}
