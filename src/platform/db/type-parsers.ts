/**
 * Both engines return the same JavaScript values: bigint and numeric as number (counts and ids stay
 * far below 2^53), date as the 'YYYY-MM-DD' text (a JS Date would shift it by the time zone).
 */
export const TYPE_OIDS = { int8: 20, numeric: 1700, date: 1082 } as const;

export const parseNumber = (text: string): number => Number(text);
export const parseDate = (text: string): string => text;
