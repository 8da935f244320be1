import { describe, expect, it } from 'vitest';
import { CLASSIC_MALE, TRADITIONAL_FEMALE, TRADITIONAL_MALE } from './javanese-names.ts';
import { buildNamePools, personName } from './names.ts';
import { Random } from './random.ts';
import { loadReferenceData } from './reference-data.ts';
import type { Sex } from './types.ts';

const pools = buildNamePools(loadReferenceData().names);

function names(sex: Sex, birthYear: number, count = 2000): string[] {
  const random = new Random(`names-${sex}-${birthYear}`);
  return Array.from({ length: count }, () => personName(random, pools, sex, birthYear));
}

const share = (list: string[], test: (name: string) => boolean) => list.filter(test).length / list.length;
const oneWord = (name: string) => !name.includes(' ');

describe('Javanese names', () => {
  it('are mostly one word for the elderly and two or three words for the young', () => {
    expect(share(names('L', 1945), oneWord)).toBeGreaterThan(0.8);
    expect(share(names('P', 1945), oneWord)).toBeGreaterThan(0.8);
    expect(share(names('L', 2010), oneWord)).toBeLessThan(0.1);
    expect(share(names('P', 2010), (name) => name.split(' ').length === 3)).toBeGreaterThan(0.3);
  });

  it('give the elderly traditional names and the young modern ones', () => {
    const traditional = new Set([...TRADITIONAL_MALE, ...TRADITIONAL_FEMALE]);
    expect(share(names('P', 1945), (name) => traditional.has(name))).toBeGreaterThan(0.7);
    const older = new Set([...TRADITIONAL_MALE, ...CLASSIC_MALE]);
    expect(share(names('L', 2012), (name) => older.has(name.split(' ')[0] as string))).toBeLessThan(0.1);
  });

  it('keep women and men apart', () => {
    const womenWords = new Set(names('P', 1950, 5000).flatMap((name) => name.split(' ')));
    for (const male of ['Sukirman', 'Paiman', 'Wagiman', 'Slamet'])
      expect(womenWords.has(male), male).toBe(false);
    const menWords = new Set(names('L', 1950, 5000).flatMap((name) => name.split(' ')));
    for (const female of ['Painem', 'Tukiyem', 'Suparmi', 'Sri', 'Siti'])
      expect(menWords.has(female), female).toBe(false);
  });

  it('repeat common names often, as real name frequencies do', () => {
    const list = names('P', 1950, 5000);
    const counts = new Map<string, number>();
    for (const name of list) counts.set(name, (counts.get(name) ?? 0) + 1);
    const top = Math.max(...counts.values());
    expect(top / list.length).toBeGreaterThan(0.03);
    expect(counts.size).toBeGreaterThan(100);
  });
});
