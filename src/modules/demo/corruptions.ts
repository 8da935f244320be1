/**
 * How a second record of the same person comes to differ from the first: the ways Indonesian
 * registers actually disagree. Each function returns the corrupted value, or null when the
 * corruption does not apply to this value (a one-word name cannot swap its word order).
 */
import { civilDate, dayNumber } from './dates.ts';
import { BIRTH_ORDER_OPENERS, ISLAMIC_FEMALE_OPENERS, ISLAMIC_MALE_OPENERS } from './javanese-names.ts';
import type { Random } from './random.ts';
import type { Sex } from './types.ts';

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
/** Letters a clerk hears or types for one another. */
const SOUND_ALIKE: Record<string, string> = {
  i: 'y',
  y: 'i',
  u: 'o',
  o: 'u',
  e: 'i',
  f: 'p',
  p: 'f',
  v: 'f',
  z: 's',
  s: 'z',
  k: 'c',
  d: 't',
  t: 'd',
};
/** Consonant pairs that begin a syllable (Su-trisno, not Sut-risno). */
const ONSETS = new Set([
  'tr',
  'pr',
  'br',
  'kr',
  'gr',
  'dr',
  'bl',
  'kl',
  'pl',
  'gl',
  'ng',
  'ny',
  'sw',
  'sy',
  'kh',
]);
/** Opening words that are not anybody's call name. */
const NOT_CALL_NAMES = new Set<string>([
  'Sri',
  ...[...ISLAMIC_MALE_OPENERS, ...ISLAMIC_FEMALE_OPENERS].map(([word]) => word),
  ...BIRTH_ORDER_OPENERS,
]);

/** One keying or hearing error in one word: a sound-alike letter, a dropped, doubled or swapped letter. */
export function typoName(random: Random, name: string): string {
  const words = name.split(' ');
  const candidates = words.map((word, i) => [word, i] as const).filter(([word]) => word.length >= 3);
  const [word, index] = candidates.length > 0 ? random.pick(candidates) : ([words[0] as string, 0] as const);
  for (let attempt = 0; attempt < 8; attempt++) {
    const changed = typoWord(random, word);
    if (changed !== word) {
      words[index] = changed;
      return words.join(' ');
    }
  }
  words[index] = `${word}${word.at(-1)}`;
  return words.join(' ');
}

function typoWord(random: Random, word: string): string {
  // The first letter is kept: clerks rarely mistake it, and a changed initial is a different name.
  const position = random.int(1, Math.max(1, word.length - 1));
  const letter = word[position] ?? '';
  switch (random.int(0, 3)) {
    case 0: {
      const alike = SOUND_ALIKE[letter];
      return alike ? word.slice(0, position) + alike + word.slice(position + 1) : word;
    }
    case 1:
      return word.length > 3 ? word.slice(0, position) + word.slice(position + 1) : word;
    case 2:
      return word.slice(0, position) + letter + word.slice(position);
    default: {
      const next = word[position + 1];
      if (next === undefined || next === letter) return word;
      return word.slice(0, position) + next + letter + word.slice(position + 2);
    }
  }
}

/**
 * Another spelling from the word's variant group (Muhammad/Moh./Mochammad, Ahmad/Achmad,
 * Yusuf/Jusuf, ...). Abbreviated forms are written with a full stop, as legacy records do.
 */
export function spellingVariant(
  random: Random,
  name: string,
  groups: readonly (readonly string[])[],
): string | null {
  const words = name.split(' ');
  const options: Array<{ index: number; group: readonly string[]; current: string }> = [];
  words.forEach((word, index) => {
    const bare = word.replace(/\.$/, '').toLowerCase();
    const group = groups.find((members) => members.some((member) => member.toLowerCase() === bare));
    if (group) options.push({ index, group, current: bare });
  });
  if (options.length === 0) return null;
  const { index, group, current } = random.pick(options);
  const alternatives = group.filter((member) => member.toLowerCase() !== current);
  if (alternatives.length === 0) return null;
  const variant = random.pick(alternatives);
  const canonical = group[0] as string;
  words[index] = variant.length <= canonical.length - 2 ? `${variant}.` : variant;
  return words.join(' ');
}

/** The name as written before the 1972 spelling reform (Suyono -> Soejono, Joko -> Djoko, Cahyo -> Tjahjo). */
export function oldSpelling(name: string): string | null {
  const converted = name
    .split(' ')
    .map((word) => {
      const lower = word.toLowerCase();
      let out = '';
      for (let i = 0; i < lower.length; i++) {
        const letter = lower[i] as string;
        const next = lower[i + 1] ?? '';
        if (
          (letter === 'k' && next === 'h') ||
          (letter === 'n' && next === 'y') ||
          (letter === 's' && next === 'y')
        ) {
          out += letter === 'k' ? 'ch' : `${letter}j`;
          i++;
        } else if (letter === 'c') out += 'tj';
        else if (letter === 'j') out += 'dj';
        else if (letter === 'y' && VOWELS.has(next)) out += 'j';
        else if (letter === 'u') out += 'oe';
        else out += letter;
      }
      return word[0] === word[0]?.toUpperCase() ? capitalise(out) : out;
    })
    .join(' ');
  return converted === name ? null : converted;
}

/**
 * The call name a person goes by: Javanese drop the first syllable of a long name
 * (Sukirman -> Kirman, Sutrisno -> Trisno, Sri Wahyuni -> Yuni); a short second name is used alone.
 */
export function nickname(name: string): string | null {
  const words = name.split(' ');
  const callable = words.find((word) => !NOT_CALL_NAMES.has(word));
  if (!callable) return null;
  const shortened = dropFirstSyllable(callable);
  if (shortened) return shortened;
  return words.length > 1 ? callable : null;
}

function dropFirstSyllable(word: string): string | null {
  const lower = word.toLowerCase();
  const vowelCount = [...lower].filter((letter) => VOWELS.has(letter)).length;
  if (vowelCount < 3) return null;
  let firstVowel = 0;
  while (!VOWELS.has(lower[firstVowel] as string)) firstVowel++;
  const afterVowel = firstVowel + 1;
  let nextVowel = afterVowel;
  while (nextVowel < lower.length && !VOWELS.has(lower[nextVowel] as string)) nextVowel++;
  const consonants = lower.slice(afterVowel, nextVowel);
  const cut =
    consonants.length <= 1 ? afterVowel : ONSETS.has(consonants.slice(-2)) ? nextVowel - 2 : nextVowel - 1;
  const rest = lower.slice(cut);
  return rest.length >= 3 ? capitalise(rest) : null;
}

/** Words in another order: the last word moved to the front. */
export function swapNameOrder(name: string): string | null {
  const words = name.split(' ');
  if (words.length < 2) return null;
  return [words.at(-1), ...words.slice(0, -1)].join(' ');
}

/** The pilgrimage title: H. for men, Hj. for women. */
export function addHonorific(name: string, sex: Sex): string | null {
  const title = sex === 'L' ? 'H.' : 'Hj.';
  return name.startsWith(`${title} `) ? null : `${title} ${name}`;
}

/** The deceased marker of death notices: Alm. for men, Almh. for women. */
export function deceasedPrefix(name: string, sex: Sex): string {
  return `${sex === 'L' ? 'Alm.' : 'Almh.'} ${name}`;
}

/** Day and month read the wrong way round (only possible when the day is 12 or less and not the month). */
export function swapDayMonth(days: number): number | null {
  const { year, month, day } = civilDate(days);
  if (day > 12 || day === month) return null;
  return dayNumber(year, day, month);
}

/** 1 January of the birth year: the date clerks enter when the real one is unknown. */
export function placeholderDate(days: number): number | null {
  const { year, month, day } = civilDate(days);
  return month === 1 && day === 1 ? null : dayNumber(year, 1, 1);
}

/** One digit keyed wrong. */
export function nikDigitTypo(random: Random, nik: string): string {
  const position = random.int(0, nik.length - 1);
  const old = Number(nik[position]);
  const digit = (old + random.int(1, 9)) % 10;
  return nik.slice(0, position) + digit + nik.slice(position + 1);
}

/** Two neighbouring, different digits swapped. */
export function nikTranspose(random: Random, nik: string): string | null {
  const positions: number[] = [];
  for (let i = 0; i + 1 < nik.length; i++) if (nik[i] !== nik[i + 1]) positions.push(i);
  if (positions.length === 0) return null;
  const i = random.pick(positions);
  return nik.slice(0, i) + nik[i + 1] + nik[i] + nik.slice(i + 2);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
