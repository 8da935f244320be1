import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler } from './jaro-winkler.ts';

// Golden vectors from Winkler (1990) and the string-comparator literature.
const GOLDEN: [string, string, number, number][] = [
  ['MARTHA', 'MARHTA', 0.944, 0.961],
  ['DWAYNE', 'DUANE', 0.822, 0.84],
  ['DIXON', 'DICKSONX', 0.767, 0.813],
  ['JELLYFISH', 'SMELLYFISH', 0.896, 0.896],
  ['SHACKLEFORD', 'SHACKELFORD', 0.97, 0.982],
];

describe('Jaro-Winkler', () => {
  it.each(GOLDEN)('%s / %s', (a, b, j, jw) => {
    expect(jaro(a, b)).toBeCloseTo(j, 3);
    expect(jaroWinkler(a, b)).toBeCloseTo(jw, 3);
  });

  it('is 1 for equal strings and 0 with no common letter or an empty string', () => {
    expect(jaroWinkler('SLAMET', 'SLAMET')).toBe(1);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
    expect(jaroWinkler('', 'SITI')).toBe(0);
  });

  it('is symmetric', () => {
    expect(jaroWinkler('SUPARMI', 'SUPARNI')).toBeCloseTo(jaroWinkler('SUPARNI', 'SUPARMI'), 12);
  });
});
