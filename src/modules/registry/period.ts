/** Quarterly periods look like '2025-Q3'; their text order is their time order. */
export const PERIOD_PATTERN = /^\d{4}-Q[1-4]$/;

export function isPeriod(text: string): boolean {
  return PERIOD_PATTERN.test(text);
}
