import type { DigitsColumn } from '../prepare/columns.ts';
import type { LevelSettings } from '../settings.ts';
import { type Comparator, kindCodes, MISSING } from './comparator.ts';
import { birthConfirms, type NikRecordFacts, regionConfirms } from './nik-typo.ts';

const KINDS = [
  'exact',
  'one_digit_wrong',
  'adjacent_transposition',
  'birth_segment_mistyped',
  'region_mistyped',
] as const;
const [EXACT, ONE_DIGIT, TRANSPOSITION, BIRTH_TYPO] = [0, 1, 2, 3];

/** All 16 digits. */
export const ALL_DIGITS: readonly number[] = Array.from({ length: 16 }, (_, d) => d);

/** The NIK's region (PPKKCC) is digits 0 to 5, its DDMMYY digits 6 to 11. */
const REGION_END = 6;
const SEGMENT_END = 12;

/**
 * 16-digit numbers compared on some of their digits. Levels: exact, one digit wrong, two
 * adjacent digits transposed; for NIKs, one digit wrong or two swapped in the DDMMYY
 * (`birth_segment_mistyped`) or in the region (`region_mistyped`) where the records say which NIK
 * was mistyped (compare/nik-typo.ts). `facts` is needed for those two.
 */
export function compileDigitsField(
  column: DigitsColumn,
  positions: readonly number[],
  levels: readonly LevelSettings[],
  facts?: NikRecordFacts,
): Comparator {
  const { value, digits } = column;
  const kinds = kindCodes(levels, KINDS);
  const count = kinds.length;
  const at = Int32Array.from(positions);
  const width = at.length;
  const transposed = (i: number, j: number, first: number) => {
    const p = at[first] as number;
    const q = at[first + 1] as number;
    return digits[i * 16 + p] === digits[j * 16 + q] && digits[i * 16 + q] === digits[j * 16 + p];
  };
  return (i, j) => {
    const va = value[i] as number;
    const vb = value[j] as number;
    if (va < 0 || vb < 0) return MISSING;
    // Differing digits, counted only when a level needs them and only up to three.
    let mismatches = -1;
    let first = 0;
    let last = 0;
    for (let l = 0; l < count - 1; l++) {
      const kind = kinds[l] as number;
      if (kind === EXACT) {
        if (va === vb) return l;
        continue;
      }
      if (mismatches < 0) {
        mismatches = 0;
        for (let d = 0; d < width && mismatches < 3; d++) {
          const p = at[d] as number;
          if (digits[i * 16 + p] !== digits[j * 16 + p]) {
            if (mismatches++ === 0) first = d;
            last = d;
          }
        }
      }
      const swapped = mismatches === 2 && last === first + 1 && transposed(i, j, first);
      if (kind === ONE_DIGIT) {
        if (mismatches === 1) return l;
      } else if (kind === TRANSPOSITION) {
        if (swapped) return l;
      } else if (facts !== undefined && (mismatches === 1 || swapped)) {
        // Where the typo starts: two digits swapped across a part's end touch both parts.
        const from = at[first] as number;
        if (kind === BIRTH_TYPO) {
          if (
            from >= REGION_END &&
            from < SEGMENT_END &&
            (birthConfirms(column, facts, i, j) || birthConfirms(column, facts, j, i))
          )
            return l;
        } else if (
          from < REGION_END &&
          (regionConfirms(column, facts, i, j) || regionConfirms(column, facts, j, i))
        ) {
          return l;
        }
      }
    }
    return count - 1;
  };
}
