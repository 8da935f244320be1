/**
 * Records whose NIK disagrees with their own birth date or sex: the birth date was corrected
 * (or mistyped) after the NIK was issued, or the sex was entered wrongly. The NIK keeps what it
 * was issued with, so its date part or its +40 no longer matches the record.
 */

import { swapDayMonth } from './corruptions.ts';
import { civilDate, dayNumber } from './dates.ts';
import type { Random } from './random.ts';
import type { Person } from './types.ts';

export function makeNikInconsistent(random: Random, person: Person): void {
  person.csv = null;
  if (random.chance(0.35)) {
    person.sex = person.sex === 'L' ? 'P' : 'L';
    return;
  }
  const u = random.next();
  const { year, month, day } = civilDate(person.birthDay);
  const swapped = u >= 0.8 ? swapDayMonth(person.birthDay) : null;
  if (swapped !== null) person.birthDay = swapped;
  // Moved earlier, never later: a later date could fall after the period and be rejected.
  else if (u < 0.4) person.birthDay = dayNumber(year - random.int(1, 2), month, Math.min(day, 28));
  else person.birthDay -= random.int(1, 25);
}
