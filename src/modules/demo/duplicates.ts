/**
 * Second records of the same real person (ganda): a copy of the person's record carrying the
 * differences registers really show: name typos and spelling variants, pre-1972 spelling,
 * nicknames, word order, pilgrimage titles, swapped or placeholder birth dates, NIK typos or
 * no NIK at all.
 */
import type { GeneratorContext } from './context.ts';
import {
  addHonorific,
  nickname,
  nikDigitTypo,
  nikTranspose,
  oldSpelling,
  placeholderDate,
  spellingVariant,
  swapDayMonth,
  swapNameOrder,
  typoName,
} from './corruptions.ts';
import { yearOf } from './dates.ts';
import { WeightedTable } from './random.ts';
import type { Person } from './types.ts';

/** Where the second record sits, relative to the first. Exactly one applies to a pair. */
export type LocationKind = 'same_household' | 'other_household' | 'moved_desa';

/** How the second record's values differ from the first. Any number apply, none for an exact copy. */
export type CorruptionKind =
  | 'name_typo'
  | 'name_variant'
  | 'old_spelling'
  | 'nickname'
  | 'name_order'
  | 'honorific'
  | 'date_swap'
  | 'date_placeholder'
  | 'nik_digit'
  | 'nik_transpose'
  | 'nik_missing';

export type DuplicateKind = LocationKind | CorruptionKind;

/** Canonical order of kinds in the ground truth. */
export const DUPLICATE_KINDS: readonly DuplicateKind[] = [
  'same_household',
  'other_household',
  'moved_desa',
  'name_typo',
  'name_variant',
  'old_spelling',
  'nickname',
  'name_order',
  'honorific',
  'date_swap',
  'date_placeholder',
  'nik_digit',
  'nik_transpose',
  'nik_missing',
];

const CORRUPTIONS = new WeightedTable<CorruptionKind>([
  ['name_typo', 20],
  ['name_variant', 12],
  ['old_spelling', 8],
  ['nickname', 7],
  ['name_order', 6],
  ['honorific', 6],
  ['date_swap', 8],
  ['date_placeholder', 8],
  ['nik_digit', 10],
  ['nik_transpose', 6],
  ['nik_missing', 4],
]);

/** Kinds that cannot apply together: one NIK error at a time, one date error, a nickname has no word order. */
const EXCLUSIVE: ReadonlyArray<readonly CorruptionKind[]> = [
  ['nik_digit', 'nik_transpose', 'nik_missing'],
  ['date_swap', 'date_placeholder'],
  ['nickname', 'name_order'],
];

/** Share of second records that are exact copies (the same NIK on two family cards is the commonest ganda). */
const EXACT_COPY_SHARE = 0.25;

export interface DuplicateRecord {
  record: Person;
  corruptions: CorruptionKind[];
}

export function duplicateRecord(context: GeneratorContext, original: Person): DuplicateRecord {
  const random = context.random;
  const record: Person = {
    ...original,
    id: context.nextPersonId(),
    role: 'duplicate',
    csv: null,
  };
  if (random.chance(EXACT_COPY_SHARE)) return { record, corruptions: [] };
  const u = random.next();
  const wanted = u < 0.6 ? 1 : u < 0.9 ? 2 : 3;
  const applied: CorruptionKind[] = [];
  for (let attempt = 0; attempt < 20 && applied.length < wanted; attempt++) {
    const kind = CORRUPTIONS.draw(random);
    const blocked = EXCLUSIVE.some((group) => group.includes(kind) && group.some((k) => applied.includes(k)));
    if (!blocked && !applied.includes(kind) && corrupt(context, record, kind)) applied.push(kind);
  }
  return { record, corruptions: sortKinds(applied) };
}

/** Applies one corruption; false when it does not apply to this record. */
function corrupt(context: GeneratorContext, record: Person, kind: CorruptionKind): boolean {
  const random = context.random;
  const birthYear = yearOf(record.birthDay);
  const setName = (name: string | null) => {
    if (name === null || name === record.name) return false;
    record.name = name;
    return true;
  };
  const setDate = (day: number | null) => {
    // A wrong date after the snapshot would be rejected by the importer, not linked.
    if (day === null || day > context.baseDay) return false;
    record.birthDay = day;
    return true;
  };
  const setNik = (nik: string | null) => {
    if (nik === null || record.nik === '') return false;
    record.nik = nik;
    return true;
  };
  switch (kind) {
    case 'name_typo':
      return setName(typoName(random, record.name));
    case 'name_variant':
      return setName(spellingVariant(random, record.name, context.reference.variantGroups));
    case 'old_spelling':
      // Only people registered from documents older than the 1972 reform carry the old spelling.
      return birthYear < 1975 && setName(oldSpelling(record.name));
    case 'nickname':
      return setName(nickname(record.name));
    case 'name_order':
      return setName(swapNameOrder(record.name));
    case 'honorific':
      return birthYear < 1990 && setName(addHonorific(record.name, record.sex));
    case 'date_swap':
      return setDate(swapDayMonth(record.birthDay));
    case 'date_placeholder':
      return setDate(placeholderDate(record.birthDay));
    case 'nik_digit':
      return setNik(nikDigitTypo(random, record.nik));
    case 'nik_transpose':
      return setNik(nikTranspose(random, record.nik));
    case 'nik_missing':
      return setNik('');
  }
}

export function sortKinds<K extends DuplicateKind>(kinds: Iterable<K>): K[] {
  return [...new Set(kinds)].sort((a, b) => DUPLICATE_KINDS.indexOf(a) - DUPLICATE_KINDS.indexOf(b));
}
