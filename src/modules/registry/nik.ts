/**
 * NIK: `PPKKCC DDMMYY SSSS`: province, kabupaten, kecamatan of first registration; birth date with
 * 40 added to the day for women; a serial from 0001. Pure parsing, no I/O.
 */
export interface ParsedNik {
  provinceCode: string;
  kabupatenCode: string;
  kecamatanCode: string;
  /** 'YYYY-MM-DD' when day and month form a real date in the century chosen, else null. */
  birthDate: string | null;
  /** Two-digit birth year; the century cannot be read from the NIK. */
  birthYearTwoDigits: number;
  birthMonth: number;
  birthDay: number;
  sex: 'L' | 'P';
  serial: number;
}

export function isNikFormat(text: string): boolean {
  return /^\d{16}$/.test(text);
}

/**
 * Parses a 16-digit NIK. `referenceYear` picks the century: the latest year not after it
 * (a NIK saying '95' read in 2025 means 1995, '20' means 2020).
 */
export function parseNik(nik: string, referenceYear = new Date().getUTCFullYear()): ParsedNik | null {
  if (!isNikFormat(nik)) return null;
  const rawDay = Number(nik.slice(6, 8));
  const sex = rawDay > 40 ? 'P' : 'L';
  const day = sex === 'P' ? rawDay - 40 : rawDay;
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const century =
    yy <= referenceYear % 100 ? Math.floor(referenceYear / 100) : Math.floor(referenceYear / 100) - 1;
  const year = century * 100 + yy;
  return {
    provinceCode: nik.slice(0, 2),
    kabupatenCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}`,
    kecamatanCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
    birthDate: isCalendarDate(year, month, day) ? formatDate(year, month, day) : null,
    birthYearTwoDigits: yy,
    birthMonth: month,
    birthDay: day,
    sex,
    serial: Number(nik.slice(12, 16)),
  };
}

/** Builds the birth-date-and-sex part (DDMMYY) a NIK should carry for a person. */
export function nikDatePart(birthDate: string, sex: 'L' | 'P'): string {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const nikDay = sex === 'P' ? day + 40 : day;
  return `${pad2(nikDay)}${pad2(month)}${pad2(year % 100)}`;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
