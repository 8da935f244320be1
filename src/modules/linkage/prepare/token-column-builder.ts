import { sharedArray, sharedFrom, type TokenColumn } from './columns.ts';

/** What a normaliser gives for one value: tokens as written and canonical, aligned. */
export interface NormalisedTokens {
  tokens: string[];
  canonical: string[];
  deathHint?: boolean;
}

/** Token strings shared by all token columns, each stored once. */
export class TokenDictionary {
  readonly tokens: string[] = [];
  private readonly ids = new Map<string, number>();

  id(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.tokens.length;
      this.tokens.push(token);
      this.ids.set(token, id);
    }
    return id;
  }
}

/**
 * Builds one token column record by record. Each distinct raw text is normalised once (names
 * repeat a lot), each distinct clean text becomes one value.
 */
export class TokenColumnBuilder {
  private readonly rawCache = new Map<string, number>();
  private readonly valueIds = new Map<string, number>();
  private readonly keyIds = new Map<string, number>();
  private readonly recordValues: number[] = [];
  private readonly valueKeys: number[] = [];
  private readonly tokenStart: number[] = [0];
  private readonly cleanTokens: number[] = [];
  private readonly canonicalTokens: number[] = [];
  private readonly keyCounts: number[] = [];
  private nonEmpty = 0;

  constructor(
    private readonly dictionary: TokenDictionary,
    private readonly normalise: (raw: string) => NormalisedTokens,
  ) {}

  /** Adds one record's value; returns whether the text carried a death marker. */
  add(raw: string | undefined): boolean {
    const text = raw?.trim() ?? '';
    if (text === '') {
      this.recordValues.push(-1);
      return false;
    }
    // Cached as value * 2 + death hint, so that one lookup answers both.
    let cached = this.rawCache.get(text);
    if (cached === undefined) {
      const normalised = this.normalise(text);
      const value = normalised.tokens.length === 0 ? -1 : this.valueOf(normalised);
      cached = value * 2 + (normalised.deathHint === true ? 1 : 0);
      this.rawCache.set(text, cached);
    }
    const value = cached >> 1;
    this.recordValues.push(value);
    if (value >= 0) {
      this.nonEmpty++;
      const key = this.valueKeys[value] as number;
      this.keyCounts[key] = (this.keyCounts[key] as number) + 1;
    }
    return (cached & 1) === 1;
  }

  private valueOf(normalised: NormalisedTokens): number {
    const clean = normalised.tokens.join(' ');
    const known = this.valueIds.get(clean);
    if (known !== undefined) return known;
    const value = this.valueKeys.length;
    this.valueIds.set(clean, value);
    const keyText = [...normalised.canonical].sort().join(' ');
    let key = this.keyIds.get(keyText);
    if (key === undefined) {
      key = this.keyIds.size;
      this.keyIds.set(keyText, key);
      this.keyCounts.push(0);
    }
    this.valueKeys.push(key);
    for (let i = 0; i < normalised.tokens.length; i++) {
      this.cleanTokens.push(this.dictionary.id(normalised.tokens[i] as string));
      this.canonicalTokens.push(this.dictionary.id(normalised.canonical[i] as string));
    }
    this.tokenStart.push(this.cleanTokens.length);
    return value;
  }

  finish(): TokenColumn {
    // The caches are only for building: free them before the engine runs.
    this.rawCache.clear();
    this.valueIds.clear();
    this.keyIds.clear();
    const keyFrequency = sharedArray(Float64Array, this.keyCounts.length);
    for (let k = 0; k < keyFrequency.length; k++)
      keyFrequency[k] = (this.keyCounts[k] as number) / this.nonEmpty;
    return {
      value: sharedFrom(Int32Array, this.recordValues),
      key: sharedFrom(Int32Array, this.valueKeys),
      tokenStart: sharedFrom(Int32Array, this.tokenStart),
      cleanTokens: sharedFrom(Int32Array, this.cleanTokens),
      canonicalTokens: sharedFrom(Int32Array, this.canonicalTokens),
      keyFrequency,
    };
  }
}
