/**
 * Building NIK and KK numbers. NIK: `PPKKCC DDMMYY SSSS`: the kecamatan of first registration,
 * the birth date with 40 added to the day for women, and a serial from 0001 that counts the
 * people registered with the same first twelve digits. KK: the family's kecamatan, the card's
 * issue date and a serial.
 */
import { civilDate, pad2 } from './dates.ts';
import type { Sex } from './types.ts';

const SLOTS_PER_REGION = 100 * 12 * 31 * 2;

/**
 * Next serial for each twelve-digit prefix. Memory is fixed per region (not per person): one
 * 16-bit counter for every possible DDMMYY and sex, allocated when a region is first used.
 */
export class SerialCounter {
  private readonly byRegion = new Map<string, Uint16Array>();

  /** `slot` separates numbers sharing region and date: the sex for a NIK, 0 for a KK. */
  next(regionDigits: string, days: number, slot: 0 | 1): number {
    let counters = this.byRegion.get(regionDigits);
    if (!counters) {
      counters = new Uint16Array(SLOTS_PER_REGION);
      this.byRegion.set(regionDigits, counters);
    }
    const { year, month, day } = civilDate(days);
    const index = (((year % 100) * 12 + month - 1) * 31 + day - 1) * 2 + slot;
    const serial = (counters[index] as number) + 1;
    if (serial > 9999) throw new Error(`More than 9999 serials for ${regionDigits} on day ${days}`);
    counters[index] = serial;
    return serial;
  }
}

const digitsOfCode = new Map<string, string>();

/** The six region digits of a dotted kecamatan code ('35.19.01' -> '351901'). */
export function regionDigits(kecamatanCode: string): string {
  let digits = digitsOfCode.get(kecamatanCode);
  if (digits === undefined) {
    digits = kecamatanCode.replaceAll('.', '');
    digitsOfCode.set(kecamatanCode, digits);
  }
  return digits;
}

/** DDMMYY as a NIK carries it: the day plus 40 for women. */
export function nikDatePart(birthDay: number, sex: Sex): string {
  const { year, month, day } = civilDate(birthDay);
  return `${pad2(sex === 'P' ? day + 40 : day)}${pad2(month)}${pad2(year % 100)}`;
}

export function buildNik(region: string, birthDay: number, sex: Sex, serial: number): string {
  return `${region}${nikDatePart(birthDay, sex)}${String(serial).padStart(4, '0')}`;
}

export function buildKk(region: string, issueDay: number, serial: number): string {
  const { year, month, day } = civilDate(issueDay);
  return `${region}${pad2(day)}${pad2(month)}${pad2(year % 100)}${String(serial).padStart(4, '0')}`;
}

/** What a NIK's date part says compared with the record it sits on. */
export type NikDisagreement = 'birth_date_mismatch' | 'sex_mismatch' | 'nik_date_invalid';

export function nikDisagreements(nik: string, birthDay: number, sex: Sex): NikDisagreement[] {
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  if (day < 1 || day > 31 || month < 1 || month > 12) return ['nik_date_invalid'];
  const problems: NikDisagreement[] = [];
  const expected = nikDatePart(birthDay, 'L');
  const actual = `${pad2(day)}${nik.slice(8, 12)}`;
  if (expected !== actual) problems.push('birth_date_mismatch');
  if ((rawDay > 40 ? 'P' : 'L') !== sex) problems.push('sex_mismatch');
  return problems;
}
