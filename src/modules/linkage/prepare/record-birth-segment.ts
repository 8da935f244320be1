/**
 * The DDMMYY a NIK issued for a record's own birth date and sex would carry (day + 40 for women,
 * two-digit year), -1 when the record has no date or no sex. Set beside the NIK's actual DDMMYY, it
 * tells which of two NIKs a digit was mistyped in (compare/digits-field.ts).
 * `packedDate` is year * 10000 + month * 100 + day (0 when none), `sex` 1 L, 2 P, 0 unknown.
 */
export function recordBirthSegments(
  packedDate: readonly number[],
  sex: readonly number[],
  out: Int32Array,
): Int32Array {
  for (let r = 0; r < out.length; r++) {
    const packed = packedDate[r] as number;
    const s = sex[r] as number;
    if (packed === 0 || s === 0) {
      out[r] = -1;
      continue;
    }
    const day = (packed % 100) + (s === 2 ? 40 : 0);
    const month = Math.floor(packed / 100) % 100;
    out[r] = day * 10_000 + month * 100 + (Math.floor(packed / 10_000) % 100);
  }
  return out;
}
