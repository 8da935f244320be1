import type { DigitsColumn } from '../prepare/columns.ts';

/**
 * Which of two NIKs a digit was mistyped in, told by the records themselves. A NIK is `PPKKCC
 * DDMMYY SSSS`; two different people with NIKs one digit apart are common (serials count from 0001
 * per kecamatan, birth date and sex, so a same-day neighbour, or a same-day person registered in a
 * neighbouring kecamatan, often has the same serial), but each such NIK agrees with its own
 * holder's record. A mistyped NIK contradicts its record where the typo is:
 *
 * - in the DDMMYY: both records' birth date and sex are what the other NIK encodes;
 * - in the region: that too (the NIKs carry the same DDMMYY), and both records live in the
 *   kecamatan the other NIK encodes.
 *
 * Two digits swapped across the end of the region are a region typo (both parts are checked),
 * across the end of the DDMMYY a birth date typo. A typo in the serial contradicts nothing and
 * cannot be told from a neighbour. A shared 1 January is left out: a placeholder date
 * legitimately differs from the NIK's. These levels hold only when the records agree on the birth
 * date, so their u is measured among pairs born on the same day (train/conditional-u.ts).
 */
export interface NikRecordFacts {
  /** Per record: the DDMMYY its own birth date and sex give (prepare/record-birth-segment.ts), -1 unknown. */
  recordBirthSegment: Int32Array;
  /** Per record: the kecamatan code it lives in, -1 unknown. */
  kecamatanCode: Int32Array;
}

/** A 1 January DDMMYY (0101yy, or 4101yy for a woman) divided by 100. */
const PLACEHOLDER_DAY_MONTH = [101, 4101];

/** Whether record x's NIK carries both records' birth date and sex (not a 1 January). */
export function birthConfirms(nik: DigitsColumn, facts: NikRecordFacts, x: number, y: number): boolean {
  const segment = nik.birthSegment[x] as number;
  return (
    segment >= 0 &&
    facts.recordBirthSegment[x] === segment &&
    facts.recordBirthSegment[y] === segment &&
    !PLACEHOLDER_DAY_MONTH.includes(Math.floor(segment / 100))
  );
}

/** Whether record x's NIK carries both records' birth date and sex and the kecamatan both live in. */
export function regionConfirms(nik: DigitsColumn, facts: NikRecordFacts, x: number, y: number): boolean {
  const code = facts.kecamatanCode[x] as number;
  if (code < 0 || facts.kecamatanCode[y] !== code || !birthConfirms(nik, facts, x, y)) return false;
  let region = 0;
  for (let d = 0; d < 6; d++) region = region * 10 + (nik.digits[x * 16 + d] as number);
  return region === code;
}
