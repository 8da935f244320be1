import type { DigitsColumn } from '../prepare/columns.ts';
import type { LevelSettings } from '../settings.ts';
import { type Comparator, kindCodes, MISSING } from './comparator.ts';

const KINDS = ['exact', 'one_digit_wrong', 'adjacent_transposition'] as const;
const [EXACT, ONE_DIGIT] = [0, 1];

/** All 16 digits. */
export const ALL_DIGITS: readonly number[] = Array.from({ length: 16 }, (_, d) => d);

/**
 * 16-digit numbers compared on some of their digits. Levels: exact, one digit wrong, two
 * adjacent digits transposed.
 */
export function compileDigitsField(
  column: DigitsColumn,
  positions: readonly number[],
  levels: readonly LevelSettings[],
): Comparator {
  const { value, digits } = column;
  const kinds = kindCodes(levels, KINDS);
  const count = kinds.length;
  const at = Int32Array.from(positions);
  const width = at.length;
  return (i, j) => {
    const va = value[i] as number;
    const vb = value[j] as number;
    if (va < 0 || vb < 0) return MISSING;
    // Differing digits, counted only when a level needs them and only up to three.
    let mismatches = -1;
    let first = 0;
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
          if (digits[i * 16 + p] !== digits[j * 16 + p] && mismatches++ === 0) first = d;
        }
      }
      if (kind === ONE_DIGIT) {
        if (mismatches === 1) return l;
      } else if (mismatches === 2 && first < width - 1) {
        const p = at[first] as number;
        const q = at[first + 1] as number;
        if (digits[i * 16 + p] === digits[j * 16 + q] && digits[i * 16 + q] === digits[j * 16 + p]) return l;
      }
    }
    return count - 1;
  };
}
