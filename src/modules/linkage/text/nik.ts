/**
 * NIK (and KK) numbers: 16 digits. A NIK is `PPKKCC DDMMYY SSSS`: the province, kabupaten and
 * kecamatan of first registration, the birth date with 40 added to the day for women, and a serial.
 */
export const NIK_LENGTH = 16;

function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** The 16 digits of a NIK or KK, ignoring spaces, dots and a leading apostrophe (Excel); else null. */
export function parseIdNumber(raw: string): string | null {
  // Most values are already 16 plain digits: checked without building new strings.
  if (raw.length === NIK_LENGTH && allDigits(raw)) return raw;
  const digits = raw.replace(/^'/, '').replace(/[\s.-]/g, '');
  return digits.length === NIK_LENGTH && allDigits(digits) ? digits : null;
}

export interface NikBirth {
  day: number;
  month: number;
  /** Two-digit year: the NIK does not say the century. */
  yearOfCentury: number;
  sex: 'L' | 'P';
}

/** The birth date and sex that a NIK encodes, or null when the date part is not a real date. */
export function decodeNikBirth(nik: string): NikBirth | null {
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yearOfCentury = Number(nik.slice(10, 12));
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  return { day, month, yearOfCentury, sex: female ? 'P' : 'L' };
}
