import type { TokenColumn } from '../prepare/columns.ts';
import type { LevelSettings } from '../settings.ts';
import type { Alignment, TokenComparer } from '../text/token-similarity.ts';
import { type Comparator, kindCodes, MISSING } from './comparator.ts';

const KINDS = ['exact', 'canonical', 'compatible', 'similarity'] as const;
const [EXACT, CANONICAL, COMPATIBLE, SIMILARITY] = [0, 1, 2, 3];

/**
 * Names and free text (birth place, address). Levels: exact (same clean text), canonical (same
 * tokens up to spelling, variants and order), compatible (the same name written shorter, with
 * initials or nicknames), similarity >= threshold. The token alignment is computed at most once
 * per pair, and only when a level needs it.
 */
export function compileTokenField(
  column: TokenColumn,
  levels: readonly LevelSettings[],
  comparer: TokenComparer,
): Comparator {
  const { value, key, tokenStart, cleanTokens, canonicalTokens } = column;
  const kinds = kindCodes(levels, KINDS);
  const thresholds = Float64Array.from(levels, (level) => level.threshold ?? 0);
  const alignment: Alignment = { compatible: false, similarity: 0 };
  const count = kinds.length;
  return (i, j) => {
    const va = value[i] as number;
    const vb = value[j] as number;
    if (va < 0 || vb < 0) return MISSING;
    let aligned = false;
    for (let l = 0; l < count - 1; l++) {
      const kind = kinds[l] as number;
      if (kind === EXACT) {
        if (va === vb) return l;
      } else if (kind === CANONICAL) {
        if (key[va] === key[vb]) return l;
      } else {
        if (!aligned) {
          comparer.align(
            cleanTokens,
            canonicalTokens,
            tokenStart[va] as number,
            tokenStart[va + 1] as number,
            tokenStart[vb] as number,
            tokenStart[vb + 1] as number,
            alignment,
          );
          aligned = true;
        }
        if (
          kind === COMPATIBLE
            ? alignment.compatible
            : kind === SIMILARITY && alignment.similarity >= (thresholds[l] as number)
        ) {
          return l;
        }
      }
    }
    return count - 1;
  };
}

/** The larger term frequency of the two records' canonical keys: how common the shared value is. */
export function tokenFrequency(column: TokenColumn): (i: number, j: number) => number {
  const { value, key, keyFrequency } = column;
  return (i, j) =>
    Math.max(
      keyFrequency[key[value[i] as number] as number] as number,
      keyFrequency[key[value[j] as number] as number] as number,
    );
}
