import type { RecordColumns, TokenColumn } from '../prepare/columns.ts';
import type { LevelSettings } from '../settings.ts';
import { type Alignment, alignTokens, type TokenSpans } from '../text/token-similarity.ts';
import { type Comparator, firstHolding, type LevelTest } from './comparator.ts';

/**
 * Names (nicknames on) and free text such as birth place and address (nicknames off).
 * Levels: exact (same clean text), canonical (same tokens up to spelling, variants and order),
 * compatible (same name written shorter, with initials or nicknames), similarity >= threshold.
 */
export function compileTokenField(
  columns: RecordColumns,
  column: TokenColumn,
  levels: readonly LevelSettings[],
  nicknames: boolean,
): Comparator {
  const { value, key, tokenStart } = column;
  const spans: TokenSpans = {
    tokens: columns.tokens,
    clean: column.cleanTokens,
    canonical: column.canonicalTokens,
  };
  const alignment: Alignment = { compatible: false, similarity: 0 };
  let alignedA = -1;
  let alignedB = -1;
  // Several levels read the same alignment; it is computed at most once per pair.
  const align = (va: number, vb: number): Alignment => {
    if (va !== alignedA || vb !== alignedB) {
      alignTokens(
        spans,
        tokenStart[va] as number,
        tokenStart[va + 1] as number,
        tokenStart[vb] as number,
        tokenStart[vb + 1] as number,
        nicknames,
        alignment,
      );
      alignedA = va;
      alignedB = vb;
    }
    return alignment;
  };
  const tests = levels.map((level): LevelTest => {
    switch (level.kind) {
      case 'exact':
        return (i, j) => value[i] === value[j];
      case 'canonical':
        return (i, j) => key[value[i] as number] === key[value[j] as number];
      case 'compatible':
        return (i, j) => align(value[i] as number, value[j] as number).compatible;
      case 'similarity': {
        const threshold = level.threshold as number;
        return (i, j) => align(value[i] as number, value[j] as number).similarity >= threshold;
      }
      default:
        return () => true;
    }
  });
  return firstHolding(tests, (i, j) => (value[i] as number) >= 0 && (value[j] as number) >= 0);
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
