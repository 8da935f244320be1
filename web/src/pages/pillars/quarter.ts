/** Quarters as the server names them ('2025-Q3'); the district's calendar is WIB (UTC+7). */

const WIB_OFFSET_MS = 7 * 3600 * 1000;

/** Today's date in the district, YYYY-MM-DD: active periods and event days are dates there. */
export function districtToday(now = new Date()): string {
  return new Date(now.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

export function quarterOfDate(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

export function currentQuarter(now = new Date()): string {
  return quarterOfDate(districtToday(now));
}

export const isQuarter = (value: string | null): value is string =>
  Boolean(value && /^\d{4}-Q[1-4]$/.test(value));

/** The quarter `steps` after (or before, when negative) `quarter`. */
export function shiftQuarter(quarter: string, steps: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 + steps;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The quarters a picker offers: the last two years and the next two quarters, newest first. */
export function quarterChoices(now = new Date()): string[] {
  const current = currentQuarter(now);
  return Array.from({ length: 10 }, (_, i) => shiftQuarter(current, 2 - i));
}
