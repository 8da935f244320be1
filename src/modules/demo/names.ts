/**
 * Javanese personal names by generation. Rural Javanese born before the 1960s mostly carry one
 * name (Sukirman, Painem); their children two (Sri Wahyuni, Bambang Sutrisno); their grandchildren
 * two or three, often opening with an Arabic word or a birth-order word (Muhammad Rizky Pratama,
 * Dwi Lestari). Women's and men's names come from separate lists.
 */
import {
  BIRTH_ORDER_OPENERS,
  CLASSIC_FEMALE,
  CLASSIC_MALE,
  ISLAMIC_FEMALE_OPENERS,
  ISLAMIC_MALE_OPENERS,
  NOT_JAVANESE,
  TRADITIONAL_FEMALE,
  TRADITIONAL_MALE,
} from './javanese-names.ts';
import { type Random, WeightedTable } from './random.ts';
import type { Sex } from './types.ts';

/** The public name lists (name-lists/, some in rough frequency order, and faker's id_ID locale). */
export interface NameSources {
  firstMale: readonly string[];
  firstFemale: readonly string[];
  firstNeutral: readonly string[];
  lastMale: readonly string[];
  lastFemale: readonly string[];
  lastNeutral: readonly string[];
  fakerFirstMale: readonly string[];
  fakerFirstFemale: readonly string[];
  fakerLastMale: readonly string[];
  fakerLastFemale: readonly string[];
}

type BySex<T> = Record<Sex, T>;

export interface NamePools {
  /** Single-word names of the older generations (Sukirman, Painem). */
  traditional: BySex<WeightedTable<string>>;
  /** First words of the names of people born about 1955-1990 (Bambang, Sri). */
  classic: BySex<WeightedTable<string>>;
  /** First and middle words of the names of people born since about 1990. */
  modern: BySex<WeightedTable<string>>;
  /** Closing words of two- and three-word names (Javanese have no inherited surname). */
  closing: BySex<WeightedTable<string>>;
}

const ISLAMIC_OPENERS: BySex<WeightedTable<string>> = {
  L: new WeightedTable(ISLAMIC_MALE_OPENERS),
  P: new WeightedTable(ISLAMIC_FEMALE_OPENERS),
};

interface Generation {
  bornBefore: number;
  /** Shares of one-, two- and three-word names. */
  words: readonly [number, number, number];
  /** Share of traditional names among one-word names. */
  traditional: number;
  /** Share of classic (rather than modern) first words among longer names. */
  classic: number;
}

const GENERATIONS: readonly Generation[] = [
  { bornBefore: 1960, words: [0.88, 0.12, 0], traditional: 0.92, classic: 1 },
  { bornBefore: 1975, words: [0.6, 0.38, 0.02], traditional: 0.75, classic: 1 },
  { bornBefore: 1990, words: [0.25, 0.65, 0.1], traditional: 0.3, classic: 0.6 },
  { bornBefore: 2005, words: [0.08, 0.62, 0.3], traditional: 0.05, classic: 0.1 },
  { bornBefore: Number.POSITIVE_INFINITY, words: [0.03, 0.52, 0.45], traditional: 0.01, classic: 0.02 },
];

export function buildNamePools(sources: NameSources): NamePools {
  const older = new Set([...TRADITIONAL_MALE, ...TRADITIONAL_FEMALE, ...CLASSIC_MALE, ...CLASSIC_FEMALE]);
  const javanese = (names: readonly string[]) => names.filter((name) => !NOT_JAVANESE.has(name));
  // Names of the parents' and grandparents' generations are rarely given to children now.
  const young = (names: readonly string[]) => javanese(names).filter((name) => !older.has(name));
  return {
    traditional: { L: ranked([[TRADITIONAL_MALE, 1]]), P: ranked([[TRADITIONAL_FEMALE, 1]]) },
    classic: { L: ranked([[CLASSIC_MALE, 1]]), P: ranked([[CLASSIC_FEMALE, 1]]) },
    modern: {
      L: ranked([
        [young(sources.firstMale), 0.5],
        [young(sources.fakerFirstMale), 0.4],
        [young(sources.firstNeutral), 0.1],
      ]),
      P: ranked([
        [young(sources.firstFemale), 0.5],
        [young(sources.fakerFirstFemale), 0.4],
        [young(sources.firstNeutral), 0.1],
      ]),
    },
    closing: {
      L: ranked([
        [javanese(sources.lastMale), 0.4],
        [javanese(sources.lastNeutral), 0.25],
        [javanese(sources.fakerLastMale), 0.35],
      ]),
      P: ranked([
        [javanese(sources.lastFemale), 0.6],
        [javanese(sources.fakerLastFemale), 0.4],
      ]),
    },
  };
}

/**
 * Each list scaled to its share of the table. Within a list in frequency order, weights fall
 * with the rank (a Zipf-like law, as name frequencies follow); a list in alphabetical order
 * says nothing about frequency, so its names weigh the same.
 */
function ranked(lists: ReadonlyArray<readonly [readonly string[], number]>): WeightedTable<string> {
  const entries: Array<readonly [string, number]> = [];
  for (const [names, share] of lists) {
    const flat = isAlphabetical(names);
    const weights = names.map((_, rank) => (flat ? 1 : 1 / (rank + 3)));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    names.forEach((name, rank) => {
      entries.push([name, (share * (weights[rank] as number)) / total]);
    });
  }
  return new WeightedTable(entries);
}

/** In alphabetical order but for a slip or two: the order then carries no frequency. */
function isAlphabetical(names: readonly string[]): boolean {
  let inOrder = 0;
  for (let i = 1; i < names.length; i++)
    if ((names[i - 1] as string).localeCompare(names[i] as string) <= 0) inOrder++;
  return inOrder >= 0.95 * (names.length - 1);
}

function generationOf(birthYear: number): Generation {
  return (
    GENERATIONS.find((generation) => birthYear < generation.bornBefore) ?? (GENERATIONS.at(-1) as Generation)
  );
}

/**
 * A full name for a person of this sex and birth year. `birthOrder` (1 for the first child) lets
 * some children carry Eka/Dwi/Tri/Catur.
 */
export function personName(
  random: Random,
  pools: NamePools,
  sex: Sex,
  birthYear: number,
  birthOrder = 0,
): string {
  const generation = generationOf(birthYear);
  const u = random.next();
  const wordCount = u < generation.words[0] ? 1 : u < generation.words[0] + generation.words[1] ? 2 : 3;
  const olderGeneration = birthYear < 1990;
  if (wordCount === 1) {
    if (random.chance(generation.traditional)) return pools.traditional[sex].draw(random);
    return (olderGeneration ? pools.classic : pools.modern)[sex].draw(random);
  }
  const first =
    opener(random, sex, birthYear, birthOrder) ??
    (random.chance(generation.classic) ? pools.classic : pools.modern)[sex].draw(random);
  const words = [first];
  if (wordCount === 3) words.push((olderGeneration ? pools.classic : pools.modern)[sex].draw(random));
  // Older two-word names often close with a traditional name (Sri Suparmi, Bambang Sutrisno).
  const closing = birthYear < 1975 && random.chance(0.5) ? pools.traditional : pools.closing;
  words.push(closing[sex].draw(random));
  return unique(words).join(' ');
}

/** The name of a mother who is not in the household, from her generation. */
export function motherName(random: Random, pools: NamePools, childBirthYear: number): string {
  return personName(random, pools, 'P', childBirthYear - random.int(19, 35));
}

function opener(random: Random, sex: Sex, birthYear: number, birthOrder: number): string | null {
  if (birthYear < 1975) {
    // Sri and Siti open a large share of older Javanese women's two-word names.
    if (sex === 'P' && random.chance(0.3)) return random.chance(0.6) ? 'Sri' : 'Siti';
    return null;
  }
  if (birthOrder >= 1 && birthOrder <= BIRTH_ORDER_OPENERS.length && random.chance(0.12)) {
    return BIRTH_ORDER_OPENERS[birthOrder - 1] as string;
  }
  const islamicShare = birthYear < 1990 ? 0.1 : birthYear < 2005 ? 0.18 : 0.25;
  return random.chance(islamicShare) ? ISLAMIC_OPENERS[sex].draw(random) : null;
}

function unique(words: string[]): string[] {
  return words.filter((word, i) => words.indexOf(word) === i);
}
