import { describe, expect, it } from 'vitest';
import { runEm } from './em.ts';
import type { Histogram } from './histogram.ts';

/** Expected pattern counts of a known two-class model over three fields of three levels. */
function knownCase(lambda: number, m: number[][], u: number[][], pairs: number): Histogram {
  const histogram: Histogram = new Map();
  for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      for (let c = 0; c < 3; c++) {
        const levels = [a, b, c];
        const pm = levels.reduce((p, l, f) => p * (m[f]?.[l] as number), lambda);
        const pu = levels.reduce((p, l, f) => p * (u[f]?.[l] as number), 1 - lambda);
        // Pattern numbering as patternOf: level + 1 per field, radix levels + 1.
        const pattern = ((a + 1) * 4 + (b + 1)) * 4 + (c + 1);
        histogram.set(pattern, pairs * (pm + pu));
      }
    }
  }
  return histogram;
}

describe('EM', () => {
  const m = [
    [0.9, 0.07, 0.03],
    [0.8, 0.15, 0.05],
    [0.7, 0.2, 0.1],
  ];
  const u = [
    [0.01, 0.09, 0.9],
    [0.05, 0.15, 0.8],
    [0.1, 0.3, 0.6],
  ];

  it('recovers m and the match share from a flat start, with u fixed', () => {
    const result = runEm({
      histogram: knownCase(0.2, m, u, 100_000),
      levelCounts: [3, 3, 3],
      u,
      mStart: [0, 1, 2]
        .map(() => [1 / 3, 1 / 3, 1 / 3])
        .map(([a, b, c]) => [(a as number) + 0.1, b as number, (c as number) - 0.1]),
      excluded: new Set(),
      fixed: new Set(),
      lambdaStart: 0.05,
      maxIterations: 500,
      tolerance: 1e-9,
    });
    expect(result.converged).toBe(true);
    expect(result.lambda).toBeCloseTo(0.2, 4);
    result.m.forEach((row, f) => {
      row.forEach((value, l) => {
        expect(value).toBeCloseTo(m[f]?.[l] as number, 3);
      });
    });
  });

  it('estimates the other fields around fields whose m is known', () => {
    const result = runEm({
      histogram: knownCase(0.2, m, u, 100_000),
      levelCounts: [3, 3, 3],
      u,
      mStart: [m[0] as number[], [0.4, 0.3, 0.3], [0.4, 0.3, 0.3]],
      excluded: new Set(),
      fixed: new Set([0]),
      lambdaStart: 0.05,
      maxIterations: 500,
      tolerance: 1e-9,
    });
    expect(result.m[0]).toEqual(m[0]);
    expect(result.lambda).toBeCloseTo(0.2, 4);
    expect(result.m[2]?.[0]).toBeCloseTo(0.7, 3);
  });

  it('leaves excluded fields as they started', () => {
    const start = [
      [0.5, 0.3, 0.2],
      [0.5, 0.3, 0.2],
      [0.5, 0.3, 0.2],
    ];
    const result = runEm({
      histogram: knownCase(0.2, m, u, 10_000),
      levelCounts: [3, 3, 3],
      u,
      mStart: start,
      excluded: new Set([1]),
      fixed: new Set(),
      lambdaStart: 0.05,
      maxIterations: 200,
      tolerance: 1e-9,
    });
    expect(result.m[1]).toEqual(start[1]);
    expect(result.m[0]?.[0]).toBeGreaterThan(0.8);
  });
});
