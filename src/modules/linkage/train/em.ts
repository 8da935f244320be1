import { levelsOfPattern } from '../compare/compile.ts';
import type { Histogram } from './histogram.ts';

/**
 * Expectation-maximisation of the m probabilities (P(level | match)) on counted comparison
 * patterns, with u (P(level | non-match)) held fixed at its random-sampling estimate, as Splink
 * does. Fields in `excluded` are those the session's blocking rule conditions on: they carry no
 * information in that session and are left out. Fields in `fixed` keep their starting m (known
 * from an earlier session): they anchor the match class while the others are estimated.
 */
export interface EmInput {
  histogram: Histogram;
  levelCounts: readonly number[];
  u: readonly (readonly number[])[];
  mStart: readonly (readonly number[])[];
  excluded: ReadonlySet<number>;
  fixed: ReadonlySet<number>;
  lambdaStart: number;
  maxIterations: number;
  tolerance: number;
}

export interface EmResult {
  m: number[][];
  /** Share of matches among the session's pairs. */
  lambda: number;
  iterations: number;
  converged: boolean;
}

/** Keeps probabilities off 0 so that every level has a finite weight. */
const FLOOR = 1e-6;
/** Half a pair added to every level of m: a level never seen among N matches gets about 1/(2N), not 0. */
const PSEUDO_COUNT = 0.5;

export function runEm(input: EmInput): EmResult {
  const fieldCount = input.levelCounts.length;
  const patterns = [...input.histogram.keys()].sort((a, b) => a - b);
  const levels = patterns.map((pattern) => levelsOfPattern(input.levelCounts, pattern));
  const counts = patterns.map((pattern) => input.histogram.get(pattern) as number);
  let m = input.mStart.map((row) => [...row]);
  let lambda = input.lambdaStart;
  let iterations = 0;
  let converged = false;
  while (iterations < input.maxIterations && !converged) {
    iterations++;
    const mSums = input.levelCounts.map((count) => new Array<number>(count).fill(0));
    let matchTotal = 0;
    let total = 0;
    for (let p = 0; p < patterns.length; p++) {
      const pattern = levels[p] as Int8Array;
      let pm = lambda;
      let pu = 1 - lambda;
      for (let f = 0; f < fieldCount; f++) {
        const level = pattern[f] as number;
        if (level < 0 || input.excluded.has(f)) continue;
        pm *= (m[f] as number[])[level] as number;
        pu *= (input.u[f] as number[])[level] as number;
      }
      const count = counts[p] as number;
      const matchShare = (count * pm) / (pm + pu);
      matchTotal += matchShare;
      total += count;
      for (let f = 0; f < fieldCount; f++) {
        const level = pattern[f] as number;
        if (level >= 0)
          (mSums[f] as number[])[level] = ((mSums[f] as number[])[level] as number) + matchShare;
      }
    }
    const next = mSums.map((sums, f) => {
      if (input.excluded.has(f) || input.fixed.has(f)) return m[f] as number[];
      const sum = sums.reduce((a, b) => a + b, 0) + PSEUDO_COUNT * sums.length;
      return sums.map((s) => Math.max(FLOOR, (s + PSEUDO_COUNT) / sum));
    });
    let change = Math.abs(matchTotal / total - lambda);
    next.forEach((row, f) => {
      row.forEach((value, l) => {
        change = Math.max(change, Math.abs(value - ((m[f] as number[])[l] as number)));
      });
    });
    m = next;
    lambda = matchTotal / total;
    converged = change < input.tolerance;
  }
  return { m, lambda, iterations, converged };
}
