import { jaroWinklerCodes } from './jaro-winkler.ts';
import { hasListedNickname, isListedNickname, isNamePart } from './nicknames.ts';

/**
 * Token-order-insensitive comparison of two names (or texts) given as token ids into a token
 * table, each token as written (clean) and in canonical form. This runs for every candidate pair:
 * it allocates nothing, compares letters as bytes, and remembers recent token-pair scores.
 */
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
const CACHE_BITS = 16;

/** The letters of every token as bytes (tokens are upper-case ASCII after normalisation). */
export class TokenTable {
  readonly codes: Uint8Array;
  readonly start: Int32Array;
  readonly length: Int32Array;

  constructor(readonly tokens: readonly string[]) {
    this.start = new Int32Array(tokens.length);
    this.length = new Int32Array(tokens.length);
    let total = 0;
    for (const token of tokens) total += token.length;
    this.codes = new Uint8Array(total);
    let at = 0;
    tokens.forEach((token, t) => {
      this.start[t] = at;
      this.length[t] = token.length;
      for (let c = 0; c < token.length; c++) this.codes[at++] = token.charCodeAt(c) & 0x7f;
    });
  }
}

export class TokenComparer {
  private readonly scores = new Float64Array(MAX_TOKENS * MAX_TOKENS);
  private readonly equivalent = new Uint8Array(MAX_TOKENS * MAX_TOKENS);
  // A direct-mapped cache of canonical token-pair scores: common tokens meet again and again.
  private readonly cacheA = new Int32Array(1 << CACHE_BITS).fill(-1);
  private readonly cacheB = new Int32Array(1 << CACHE_BITS);
  private readonly cacheScore = new Float64Array(1 << CACHE_BITS);
  private readonly cacheEquivalent = new Uint8Array(1 << CACHE_BITS);
  /** Per token: 1 when it is in the nickname table, 0 when not, 255 not yet looked up. */
  private readonly listed: Uint8Array;

  /** With nicknames off (birth places, addresses) only spelling similarity counts. */
  constructor(
    private readonly table: TokenTable,
    private readonly nicknames: boolean,
  ) {
    this.listed = new Uint8Array(table.tokens.length).fill(255);
  }

  private isListed(token: number): boolean {
    if (this.listed[token] === 255)
      this.listed[token] = hasListedNickname(this.table.tokens[token] as string) ? 1 : 0;
    return this.listed[token] === 1;
  }

  /** Scores canonical tokens ca and cb (different) into cell; nickname relations count as equivalent. */
  private scoreCanonical(ca: number, cb: number, cell: number): void {
    const slot = (Math.imul(ca, 0x9e3779b1) ^ Math.imul(cb, 0x85ebca6b)) >>> (32 - CACHE_BITS);
    if (this.cacheA[slot] === ca && this.cacheB[slot] === cb) {
      this.scores[cell] = this.cacheScore[slot] as number;
      this.equivalent[cell] = this.cacheEquivalent[slot] as number;
      return;
    }
    const { codes, start, length, tokens } = this.table;
    const jw = jaroWinklerCodes(
      codes,
      start[ca] as number,
      length[ca] as number,
      start[cb] as number,
      length[cb] as number,
    );
    let score = jw;
    let equivalent = 0;
    if (this.nicknames) {
      const sa = tokens[ca] as string;
      const sb = tokens[cb] as string;
      if ((this.isListed(ca) && this.isListed(cb) && isListedNickname(sa, sb)) || isNamePart(sa, sb)) {
        score = Math.max(EQUIVALENT_SCORE, jw);
        equivalent = 1;
      }
    }
    this.cacheA[slot] = ca;
    this.cacheB[slot] = cb;
    this.cacheScore[slot] = score;
    this.cacheEquivalent[slot] = equivalent;
    this.scores[cell] = score;
    this.equivalent[cell] = equivalent;
  }

  private scoreTokens(wa: number, ca: number, wb: number, cb: number, cell: number): void {
    if (ca === cb) {
      this.scores[cell] = 1;
      this.equivalent[cell] = 1;
      return;
    }
    const { codes, start, length } = this.table;
    const la = length[wa] as number;
    const lb = length[wb] as number;
    if (la === 1 || lb === 1) {
      // An initial stands for any token starting with it, as written or in canonical form.
      const initial = codes[start[la === 1 ? wa : wb] as number];
      const otherClean = la === 1 ? wb : wa;
      const otherCanonical = la === 1 ? cb : ca;
      const matches =
        codes[start[otherClean] as number] === initial || codes[start[otherCanonical] as number] === initial;
      this.scores[cell] = matches ? EQUIVALENT_SCORE : 0;
      this.equivalent[cell] = matches ? 1 : 0;
      return;
    }
    this.scoreCanonical(ca, cb, cell);
  }

  /**
   * Pairs the tokens of a (clean[aStart..aEnd], canonical likewise) and b greedily, best pair
   * first, whatever their order, and writes the result into `out`.
   */
  align(
    clean: Int32Array,
    canonical: Int32Array,
    aStart: number,
    aEnd: number,
    bStart: number,
    bEnd: number,
    out: Alignment,
  ): Alignment {
    const na = Math.min(aEnd - aStart, MAX_TOKENS);
    const nb = Math.min(bEnd - bStart, MAX_TOKENS);
    out.compatible = false;
    out.similarity = 0;
    if (na <= 0 || nb <= 0) return out;
    const { length } = this.table;
    const { scores, equivalent } = this;
    let totalLength = 0;
    for (let i = 0; i < na; i++) totalLength += length[canonical[aStart + i] as number] as number;
    for (let j = 0; j < nb; j++) totalLength += length[canonical[bStart + j] as number] as number;
    for (let i = 0; i < na; i++) {
      const wa = clean[aStart + i] as number;
      const ca = canonical[aStart + i] as number;
      for (let j = 0; j < nb; j++) {
        this.scoreTokens(
          wa,
          ca,
          clean[bStart + j] as number,
          canonical[bStart + j] as number,
          i * MAX_TOKENS + j,
        );
      }
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
        (length[canonical[aStart + i] as number] as number) +
        (length[canonical[bStart + j] as number] as number);
      weighted += best * lengths;
      equivalentPairs += equivalent[bestCell] as number;
    }
    out.compatible = equivalentPairs === Math.min(na, nb);
    out.similarity = weighted / totalLength;
    return out;
  }
}
