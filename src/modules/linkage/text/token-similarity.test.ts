import { describe, expect, it } from 'vitest';
import { isListedNickname, isNamePart } from './nicknames.ts';
import { normaliseName } from './normalise-name.ts';
import { type Alignment, TokenComparer, TokenTable } from './token-similarity.ts';

/** Aligns two raw names through a small token table, as the engine does with its shared one. */
function align(a: string, b: string, nicknames = true): Alignment {
  const tokens: string[] = [];
  const id = (t: string) => {
    const at = tokens.indexOf(t);
    if (at >= 0) return at;
    tokens.push(t);
    return tokens.length - 1;
  };
  const na = normaliseName(a);
  const nb = normaliseName(b);
  const clean = Int32Array.from([...na.tokens, ...nb.tokens].map(id));
  const canonical = Int32Array.from([...na.canonical, ...nb.canonical].map(id));
  const split = na.tokens.length;
  const comparer = new TokenComparer(new TokenTable(tokens), nicknames);
  return comparer.align(clean, canonical, 0, split, split, clean.length, {
    compatible: false,
    similarity: 0,
  });
}

describe('TokenComparer.align', () => {
  it('ignores token order', () => {
    expect(align('Siti Aminah', 'Aminah Siti')).toEqual({ compatible: true, similarity: 1 });
  });

  it('pairs initials with the names they stand for', () => {
    expect(align('B. Santoso', 'Budi Santoso').compatible).toBe(true);
    expect(align('R. Santoso', 'Budi Santoso').compatible).toBe(false);
  });

  it('pairs a nickname or name part with the full name', () => {
    expect(align('Yuni', 'Sri Wahyuni').compatible).toBe(true);
    expect(align('Kirman', 'Sukirman').compatible).toBe(true);
    expect(align('Mamat', 'Muhammad').compatible).toBe(true);
    expect(align('Mamat', 'Muhammad', false).compatible).toBe(false);
  });

  it('counts a dropped token against the similarity', () => {
    const shorter = align('Slamet', 'Slamet Riyadi');
    expect(shorter.compatible).toBe(true);
    expect(shorter.similarity).toBeCloseTo(12 / 18, 6);
  });

  it('scores typos by Jaro-Winkler of the paired tokens', () => {
    const typo = align('Suparmi Wati', 'Suparni Wati');
    expect(typo.compatible).toBe(false);
    expect(typo.similarity).toBeGreaterThan(0.95);
    expect(align('Suparmi', 'Bambang').similarity).toBeLessThan(0.6);
  });

  it('knows listed nicknames and name parts', () => {
    expect(isListedNickname('WAWAN', 'SETIAWAN')).toBe(true);
    expect(isNamePart('YANTO', 'SURYANTO')).toBe(true);
    expect(isNamePart('SRI', 'SRI')).toBe(false);
    expect(isNamePart('AN', 'SUTRISNAN')).toBe(false);
  });
});
