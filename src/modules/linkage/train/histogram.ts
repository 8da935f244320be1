import { levelsOfPattern } from '../compare/compile.ts';

/**
 * Counts of comparison patterns (see patternOf). EM and u estimation work on these counts, so
 * their cost does not grow with the number of pairs.
 */
export type Histogram = Map<number, number>;

/** A histogram as two arrays, for sending between threads. */
export interface PackedHistogram {
  patterns: Float64Array;
  counts: Float64Array;
}

export function packHistogram(histogram: Histogram): PackedHistogram {
  const patterns = new Float64Array(histogram.size);
  const counts = new Float64Array(histogram.size);
  let k = 0;
  for (const [pattern, count] of histogram) {
    patterns[k] = pattern;
    counts[k] = count;
    k++;
  }
  return { patterns, counts };
}

/** Adds packed histograms in the given order (the result does not depend on the worker count). */
export function mergeHistograms(parts: readonly PackedHistogram[]): Histogram {
  const out: Histogram = new Map();
  for (const part of parts) {
    for (let k = 0; k < part.patterns.length; k++) {
      const pattern = part.patterns[k] as number;
      out.set(pattern, (out.get(pattern) ?? 0) + (part.counts[k] as number));
    }
  }
  return out;
}

/** Share of each level among pairs that have the value, per field, smoothed off zero. */
export function levelShares(histogram: Histogram, levelCounts: readonly number[]): number[][] {
  const counts = levelCounts.map((n) => new Array<number>(n).fill(0));
  for (const [pattern, count] of histogram) {
    levelsOfPattern(levelCounts, pattern).forEach((level, f) => {
      if (level >= 0) (counts[f] as number[])[level] = ((counts[f] as number[])[level] as number) + count;
    });
  }
  // Half a pair added to each level: a level never seen among random pairs gets a small, finite u.
  return counts.map((row) => {
    const total = row.reduce((a, b) => a + b, 0) + row.length / 2;
    return row.map((c) => (c + 0.5) / total);
  });
}
