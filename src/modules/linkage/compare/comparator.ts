/**
 * A compiled field comparison: given two record indices it returns the index of the first level
 * that holds, or -1 when either record lacks the value (the pair then carries no evidence on it).
 * Each column type compiles its levels into kind codes and tests them in one function of its
 * own, so that the hot loop stays monomorphic.
 */
export type Comparator = (i: number, j: number) => number;

export const MISSING = -1;

/** Level kinds as small integers, in the order of the settings' levels; `else` is -1. */
export function kindCodes(levels: readonly { kind: string }[], known: readonly string[]): Int8Array {
  return Int8Array.from(levels, (level) => known.indexOf(level.kind));
}
