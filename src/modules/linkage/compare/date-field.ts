import type { DateColumn } from '../prepare/columns.ts';
import type { LevelSettings } from '../settings.ts';
import { type Comparator, firstHolding, type LevelTest } from './comparator.ts';

/**
 * Birth dates. An unknown date is often recorded as 1 January of a guessed year: such a date is
 * only weak evidence, so `exact` excludes it and `placeholder_1_january` (same year, either date
 * 1 January) catches it. Day and month are often swapped between DD-MM and MM-DD sources.
 */
export function compileDateField(column: DateColumn, levels: readonly LevelSettings[]): Comparator {
  const { year, month, day, dayNumber } = column;
  const isPlaceholder = (r: number) => month[r] === 1 && day[r] === 1;
  const tests = levels.map((level): LevelTest => {
    switch (level.kind) {
      case 'exact':
        return (i, j) => dayNumber[i] === dayNumber[j] && !isPlaceholder(i);
      case 'placeholder_1_january':
        return (i, j) => year[i] === year[j] && (isPlaceholder(i) || isPlaceholder(j));
      case 'day_month_swapped':
        return (i, j) =>
          year[i] === year[j] && day[i] !== month[i] && day[i] === month[j] && month[i] === day[j];
      case 'one_day_off':
        return (i, j) => Math.abs((dayNumber[i] as number) - (dayNumber[j] as number)) === 1;
      case 'one_year_off':
        return (i, j) =>
          day[i] === day[j] &&
          month[i] === month[j] &&
          Math.abs((year[i] as number) - (year[j] as number)) === 1;
      case 'same_month_year':
        return (i, j) => month[i] === month[j] && year[i] === year[j];
      default:
        return () => true;
    }
  });
  return firstHolding(tests, (i, j) => (year[i] as number) > 0 && (year[j] as number) > 0);
}
