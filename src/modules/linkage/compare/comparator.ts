/**
 * A compiled field comparison: given two record indices it returns the index of the first level
 * that holds, or -1 when either record lacks the value (the pair then carries no evidence on it).
 */
export type Comparator = (i: number, j: number) => number;

/** A level's test on two record indices (called only when both have the value). */
export type LevelTest = (i: number, j: number) => boolean;

export const MISSING = -1;

/** Chains level tests in order; the last (`else`) always holds. */
export function firstHolding(
  tests: readonly LevelTest[],
  present: (i: number, j: number) => boolean,
): Comparator {
  const count = tests.length;
  return (i, j) => {
    if (!present(i, j)) return MISSING;
    for (let l = 0; l < count - 1; l++) if ((tests[l] as LevelTest)(i, j)) return l;
    return count - 1;
  };
}
