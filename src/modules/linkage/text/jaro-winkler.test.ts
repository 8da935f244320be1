import { describe, expect, it } from 'vitest';
import { jaroCodes, jaroWinklerCodes } from './jaro-winkler.ts';

/** The two strings as one byte buffer, as the engine stores its tokens. */
function codes(a: string, b: string): [Uint8Array, number, number, number, number] {
  const bytes = Uint8Array.from([...a, ...b].map((c) => c.charCodeAt(0)));
  return [bytes, 0, a.length, a.length, b.length];
}
const jaro = (a: string, b: string) => jaroCodes(...codes(a, b));
const jaroWinkler = (a: string, b: string) => jaroWinklerCodes(...codes(a, b));

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

  it('handles strings longer than its scratch space', () => {
    const long = 'A'.repeat(100);
    expect(jaroWinkler(long, long)).toBe(1);
    expect(jaroWinkler(long, `${long.slice(1)}B`)).toBeGreaterThan(0.98);
  });

  it('is symmetric', () => {
    expect(jaroWinkler('SUPARMI', 'SUPARNI')).toBeCloseTo(jaroWinkler('SUPARNI', 'SUPARMI'), 12);
  });
});
