import { describe, expect, it } from 'vitest';
import {
  addHonorific,
  deceasedPrefix,
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
import { dayNumber, formatDay } from './dates.ts';
import { Random } from './random.ts';

const GROUPS = [
  ['Muhammad', 'Mohammad', 'Moh', 'M'],
  ['Siti', 'Sitti', 'St'],
  ['Slamet', 'Selamet'],
];

describe('name corruptions', () => {
  it('write the pre-1972 spelling', () => {
    expect(oldSpelling('Suyono')).toBe('Soejono');
    expect(oldSpelling('Joko Santoso')).toBe('Djoko Santoso');
    expect(oldSpelling('Cahyo')).toBe('Tjahjo');
    expect(oldSpelling('Nyoman')).toBe('Njoman');
    expect(oldSpelling('Syahrir')).toBe('Sjahrir');
    expect(oldSpelling('Khoirul Umar')).toBe('Choiroel Oemar');
    expect(oldSpelling('Wahyuni')).toBe('Wahjoeni');
    expect(oldSpelling('Sri Wartini')).toBeNull();
  });

  it('shorten a name to the call name', () => {
    expect(nickname('Sukirman')).toBe('Kirman');
    expect(nickname('Sutrisno')).toBe('Trisno');
    expect(nickname('Painem')).toBe('Inem');
    expect(nickname('Kartini')).toBe('Tini');
    expect(nickname('Sri Wahyuni')).toBe('Yuni');
    expect(nickname('Muhammad Rizky Pratama')).toBe('Rizky');
    expect(nickname('Bambang Sutrisno')).toBe('Bambang');
    expect(nickname('Bambang')).toBeNull();
  });

  it('swap the word order and add titles and markers', () => {
    expect(swapNameOrder('Bambang Sutrisno')).toBe('Sutrisno Bambang');
    expect(swapNameOrder('Muhammad Rizky Pratama')).toBe('Pratama Muhammad Rizky');
    expect(swapNameOrder('Painem')).toBeNull();
    expect(addHonorific('Slamet', 'L')).toBe('H. Slamet');
    expect(addHonorific('Siti Aminah', 'P')).toBe('Hj. Siti Aminah');
    expect(addHonorific('Hj. Siti Aminah', 'P')).toBeNull();
    expect(deceasedPrefix('Paiman', 'L')).toBe('Alm. Paiman');
    expect(deceasedPrefix('Painem', 'P')).toBe('Almh. Painem');
  });

  it('replace a word by another spelling of its group, abbreviations with a full stop', () => {
    const random = new Random('variants');
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(spellingVariant(random, 'Muhammad Rizky', GROUPS) as string);
    expect(seen).toEqual(new Set(['Mohammad Rizky', 'Moh. Rizky', 'M. Rizky']));
    expect(spellingVariant(random, 'Siti Aminah', GROUPS)).toMatch(/^(Sitti|St\.) Aminah$/);
    expect(spellingVariant(random, 'Selamet', GROUPS)).toBe('Slamet');
    expect(spellingVariant(random, 'Bambang', GROUPS)).toBeNull();
  });

  it('make one typing or hearing error, keeping the first letter', () => {
    const random = new Random('typos');
    for (const name of ['Sukirman', 'Sri Wahyuni', 'Muhammad Rizky Pratama', 'Ani']) {
      for (let i = 0; i < 50; i++) {
        const typo = typoName(random, name);
        expect(typo).not.toBe(name);
        expect(typo.split(' ').map((word) => word[0])).toEqual(name.split(' ').map((word) => word[0]));
        expect(Math.abs(typo.length - name.length)).toBeLessThanOrEqual(1);
      }
    }
    expect(typoName(new Random('golden'), 'Sukirman')).toBe('Sukirrman');
  });
});

describe('date corruptions', () => {
  const day = (y: number, m: number, d: number) => dayNumber(y, m, d);
  it('swap day and month when both can be a month', () => {
    expect(formatDay(swapDayMonth(day(1961, 3, 5)) as number)).toBe('1961-05-03');
    expect(swapDayMonth(day(1961, 3, 15))).toBeNull();
    expect(swapDayMonth(day(1961, 3, 3))).toBeNull();
  });

  it('put 1 January of the birth year', () => {
    expect(formatDay(placeholderDate(day(1948, 8, 17)) as number)).toBe('1948-01-01');
    expect(placeholderDate(day(1948, 1, 1))).toBeNull();
  });
});

describe('NIK corruptions', () => {
  const nik = '3519011710940001';
  it('change exactly one digit', () => {
    const random = new Random('nik');
    for (let i = 0; i < 100; i++) {
      const typo = nikDigitTypo(random, nik);
      expect(typo).toMatch(/^\d{16}$/);
      expect([...typo].filter((digit, j) => digit !== nik[j])).toHaveLength(1);
    }
  });

  it('swap two neighbouring different digits', () => {
    const random = new Random('nik');
    for (let i = 0; i < 100; i++) {
      const typo = nikTranspose(random, nik) as string;
      const changed = [...typo].map((digit, j) => (digit !== nik[j] ? j : -1)).filter((j) => j >= 0);
      expect(changed).toHaveLength(2);
      expect((changed[1] as number) - (changed[0] as number)).toBe(1);
      expect([...typo].sort().join('')).toBe([...nik].sort().join(''));
    }
    expect(nikTranspose(random, '1111111111111111')).toBeNull();
  });
});
