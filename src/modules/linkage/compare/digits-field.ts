import type { DigitsColumn } from '../prepare/columns.ts';
import type { LevelSettings } from '../settings.ts';
import { type Comparator, firstHolding, type LevelTest } from './comparator.ts';

/**
 * NIK and KK. Levels: exact, one digit wrong, two adjacent digits transposed, and (NIK) the two
 * numbers encoding the same birth date and sex in their DDMMYY part (a NIK issued again elsewhere
 * keeps it; a typing slip in the region or serial part leaves it too).
 */
export function compileDigitsField(column: DigitsColumn, levels: readonly LevelSettings[]): Comparator {
  const { value, digits, birthSegment } = column;
  let comparedA = -1;
  let comparedB = -1;
  let mismatches = 0;
  let firstMismatch = 0;
  const compare = (i: number, j: number) => {
    if (i === comparedA && j === comparedB) return;
    comparedA = i;
    comparedB = j;
    mismatches = 0;
    for (let d = 15; d >= 0; d--) {
      if (digits[i * 16 + d] !== digits[j * 16 + d]) {
        mismatches++;
        firstMismatch = d;
      }
    }
  };
  const tests = levels.map((level): LevelTest => {
    switch (level.kind) {
      case 'exact':
        return (i, j) => value[i] === value[j];
      case 'one_digit_wrong':
        return (i, j) => {
          compare(i, j);
          return mismatches === 1;
        };
      case 'adjacent_transposition':
        return (i, j) => {
          compare(i, j);
          if (mismatches !== 2 || firstMismatch === 15) return false;
          const d = firstMismatch;
          return (
            digits[i * 16 + d] === digits[j * 16 + d + 1] && digits[i * 16 + d + 1] === digits[j * 16 + d]
          );
        };
      case 'embedded_birth_sex':
        return (i, j) => (birthSegment[i] as number) >= 0 && birthSegment[i] === birthSegment[j];
      default:
        return () => true;
    }
  });
  return firstHolding(tests, (i, j) => (value[i] as number) >= 0 && (value[j] as number) >= 0);
}
