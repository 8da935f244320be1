import { badRequest } from '../../server/errors.ts';

/** A quarter '2025-Q3' and the dates it covers: [start, end) as YYYY-MM-DD. */
export interface QuarterRange {
  quarter: string;
  start: string;
  end: string;
}

export function isQuarter(value: string): boolean {
  return /^\d{4}-Q[1-4]$/.test(value);
}

export function quarterRange(quarter: string): QuarterRange {
  if (!isQuarter(quarter)) {
    throw badRequest(
      `Kuartal "${quarter}" harus berbentuk TTTT-Qn`,
      `Quarter "${quarter}" must look like YYYY-Qn`,
      {
        field: 'quarter',
      },
    );
  }
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const month = (q - 1) * 3 + 1;
  const start = `${year}-${String(month).padStart(2, '0')}-01`;
  const end = q === 4 ? `${year + 1}-01-01` : `${year}-${String(month + 3).padStart(2, '0')}-01`;
  return { quarter, start, end };
}

/** The quarter a moment falls in (UTC+7, the district's clock, so a visit at 23:30 WIB counts that day). */
export function quarterOf(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600 * 1000);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

/** The district's calendar date (WIB, UTC+7) at a moment, YYYY-MM-DD: due dates and active periods are dates there. */
export function districtDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}
