import { jaroWinkler } from './jaro-winkler.ts';
import { isListedNickname, isNamePart } from './nicknames.ts';

/**
 * Token-order-insensitive comparison of two names (or texts) given as token ids into a shared
 * token table, each token as written (clean) and in canonical form. This runs for every candidate
 * pair, so it allocates nothing: the result is written into a reused object.
 */
export interface TokenSpans {
  tokens: readonly string[];
  clean: Int32Array;
  canonical: Int32Array;
}

export interface Alignment {
  /** Every token of the shorter name pairs with a token of the other that is the same, a
   *  nickname, a name part or an initial of it: the same name written shorter or longer. */
  compatible: boolean;
  /** Similarity in [0, 1]: paired tokens' scores weighted by token length; unpaired tokens count 0. */
  similarity: number;
}

/** Score of a nickname, name part or initial pairing. */
const EQUIVALENT_SCORE = 0.85;
const MAX_TOKENS = 8;
const scores = new Float64Array(MAX_TOKENS * MAX_TOKENS);
const equivalent = new Uint8Array(MAX_TOKENS * MAX_TOKENS);

function scoreTokens(spans: TokenSpans, ta: number, tb: number, nicknames: boolean, cell: number): void {
  const ca = spans.canonical[ta] as number;
  const cb = spans.canonical[tb] as number;
  if (ca === cb) {
    scores[cell] = 1;
    equivalent[cell] = 1;
    return;
  }
  const wa = spans.tokens[spans.clean[ta] as number] as string;
  const wb = spans.tokens[spans.clean[tb] as number] as string;
  const sa = spans.tokens[ca] as string;
  const sb = spans.tokens[cb] as string;
  if (wa.length === 1 || wb.length === 1) {
    // An initial stands for any token starting with it, as written or in canonical form.
    const matches =
      wa.length === 1 ? wb.startsWith(wa) || sb.startsWith(wa) : wa.startsWith(wb) || sa.startsWith(wb);
    scores[cell] = matches ? EQUIVALENT_SCORE : 0;
    equivalent[cell] = matches ? 1 : 0;
    return;
  }
  const jw = jaroWinkler(sa, sb);
  if (nicknames && (isListedNickname(sa, sb) || isNamePart(sa, sb))) {
    scores[cell] = Math.max(EQUIVALENT_SCORE, jw);
    equivalent[cell] = 1;
    return;
  }
  scores[cell] = jw;
  equivalent[cell] = 0;
}

/**
 * Pairs the tokens of a (aStart..aEnd) and b (bStart..bEnd) greedily, best pair first, whatever
 * their order. With nicknames off (birth places, addresses) only spelling similarity counts.
 */
export function alignTokens(
  spans: TokenSpans,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  nicknames: boolean,
  out: Alignment,
): Alignment {
  const na = Math.min(aEnd - aStart, MAX_TOKENS);
  const nb = Math.min(bEnd - bStart, MAX_TOKENS);
  out.compatible = false;
  out.similarity = 0;
  if (na <= 0 || nb <= 0) return out;
  const { tokens, canonical } = spans;
  let totalLength = 0;
  for (let i = 0; i < na; i++) totalLength += (tokens[canonical[aStart + i] as number] as string).length;
  for (let j = 0; j < nb; j++) totalLength += (tokens[canonical[bStart + j] as number] as string).length;
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) scoreTokens(spans, aStart + i, bStart + j, nicknames, i * MAX_TOKENS + j);
  }
  let usedA = 0;
  let usedB = 0;
  let weighted = 0;
  let equivalentPairs = 0;
  for (let round = Math.min(na, nb); round > 0; round--) {
    let best = 0;
    let bestCell = -1;
    for (let i = 0; i < na; i++) {
      if (usedA & (1 << i)) continue;
      for (let j = 0; j < nb; j++) {
        if (usedB & (1 << j)) continue;
        const score = scores[i * MAX_TOKENS + j] as number;
        if (score > best) {
          best = score;
          bestCell = i * MAX_TOKENS + j;
        }
      }
    }
    if (bestCell < 0) break;
    const i = (bestCell / MAX_TOKENS) | 0;
    const j = bestCell % MAX_TOKENS;
    usedA |= 1 << i;
    usedB |= 1 << j;
    const lengths =
      (tokens[canonical[aStart + i] as number] as string).length +
      (tokens[canonical[bStart + j] as number] as string).length;
    weighted += best * lengths;
    equivalentPairs += equivalent[bestCell] as number;
  }
  out.compatible = equivalentPairs === Math.min(na, nb);
  out.similarity = weighted / totalLength;
  return out;
}
