import type { DateColumn } from '../prepare/columns.ts';
import type { LevelSettings } from '../settings.ts';
import { type Comparator, kindCodes, MISSING } from './comparator.ts';

const KINDS = [
  'exact',
  'nik_birth_segment',
  'placeholder_1_january',
  'day_month_swapped',
  'one_day_off',
  'one_year_off',
  'same_month_year',
] as const;
const [EXACT, NIK_SEGMENT, PLACEHOLDER, SWAPPED, DAY_OFF, YEAR_OFF, MONTH_YEAR] = [0, 1, 2, 3, 4, 5, 6];

/**
 * Birth dates. An unknown date is often recorded as 1 January of a guessed year: such a date is
 * only weak evidence, so `exact` excludes it and `placeholder_1_january` (same year, either date
 * 1 January) catches it. Day and month are often swapped between DD-MM and MM-DD sources.
 * When the recorded dates disagree, the NIKs may still carry the same birth date and sex in
 * their DDMMYY part (`nik_birth_segment`): the recorded date was mistyped or a placeholder.
 * A NIK issued for a placeholder date encodes 1 January (0101, or 4101 for a woman) and says no
 * more than the placeholder: two such NIKs of one year are only `placeholder_1_january`. (Counted
 * as `nik_birth_segment`, namesakes born before 1960 and recorded on 1 January, of which a district
 * has many, weighed 14.6 bits and were a large share of the false matches at 750,000 people.)
 */
export function compileDateField(
  column: DateColumn,
  nikBirthSegment: Int32Array,
  levels: readonly LevelSettings[],
): Comparator {
  const { year, month, day, dayNumber } = column;
  const kinds = kindCodes(levels, KINDS);
  const count = kinds.length;
  return (i, j) => {
    const ya = year[i] as number;
    const yb = year[j] as number;
    if (ya === 0 || yb === 0) return MISSING;
    const ma = month[i] as number;
    const mb = month[j] as number;
    const da = day[i] as number;
    const db = day[j] as number;
    const placeholder = (ma === 1 && da === 1) || (mb === 1 && db === 1);
    for (let l = 0; l < count - 1; l++) {
      switch (kinds[l]) {
        case EXACT:
          if (dayNumber[i] === dayNumber[j] && !placeholder) return l;
          break;
        case NIK_SEGMENT:
          if (
            (nikBirthSegment[i] as number) >= 0 &&
            nikBirthSegment[i] === nikBirthSegment[j] &&
            !isPlaceholderSegment(nikBirthSegment[i] as number)
          )
            return l;
          break;
        case PLACEHOLDER:
          if (ya === yb && placeholder) return l;
          break;
        case SWAPPED:
          if (ya === yb && da !== ma && da === mb && ma === db) return l;
          break;
        case DAY_OFF:
          if (Math.abs((dayNumber[i] as number) - (dayNumber[j] as number)) === 1) return l;
          break;
        case YEAR_OFF:
          if (da === db && ma === mb && Math.abs(ya - yb) === 1) return l;
          break;
        case MONTH_YEAR:
          if (ma === mb && ya === yb) return l;
          break;
      }
    }
    return count - 1;
  };
}

/** Whether a NIK's DDMMYY part is 1 January (day + 40 for women), the date given when the real one is unknown. */
function isPlaceholderSegment(segment: number): boolean {
  const dayMonth = Math.floor(segment / 100);
  return dayMonth === 101 || dayMonth === 4101;
}
