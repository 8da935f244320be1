import {
  DEATH_MARKERS,
  DEGREE_SUFFIXES,
  PATRONYMIC_CONNECTORS,
  PREFIX_TITLES,
  VARIANT_GROUPS,
} from './name-data.ts';
import { modernSpelling } from './old-spelling.ts';

/** A person's name reduced to what identifies them, in two strengths. */
export interface NormalisedName {
  /** Upper case, letters only, titles, degrees, death markers and the patronym removed. */
  clean: string;
  /** The clean name's tokens, in the order written. */
  tokens: string[];
  /** Each token in canonical form: today's spelling, then the variant group's first spelling. */
  canonical: string[];
  /** Canonical tokens sorted: equal keys mean the same name up to spelling and token order. */
  key: string;
  /** Alm./Almh./Almarhum(ah) was written: the person is said to have died. */
  deathHint: boolean;
  /** The father's name written after bin/binti, cleaned ('' when absent). */
  patronym: string;
}

const VARIANT_CANONICAL: ReadonlyMap<string, string> = buildVariantMap();

function buildVariantMap(): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of VARIANT_GROUPS) {
    const canonical = modernSpelling(group[0] as string);
    for (const spelling of group) {
      map.set(spelling, canonical);
      map.set(modernSpelling(spelling), canonical);
    }
  }
  return map;
}

/** The canonical form of one clean token. */
export function canonicalToken(token: string): string {
  const direct = VARIANT_CANONICAL.get(token);
  if (direct !== undefined) return direct;
  const modern = modernSpelling(token);
  return VARIANT_CANONICAL.get(modern) ?? modern;
}

interface RawToken {
  /** The token without dots, as titles are listed. */
  text: string;
  /** The token split at its dots: "M.YUSUF" is two tokens once it is known not to be a title. */
  parts: string[];
  dotted: boolean;
  afterComma: boolean;
}

/** Splits on spaces, commas and brackets, remembering dots and commas for title detection. */
function rawTokens(upper: string): RawToken[] {
  const out: RawToken[] = [];
  let afterComma = false;
  for (const part of upper.split(/(,)|[\s()[\]/]+/)) {
    if (part === undefined || part === '') continue;
    if (part === ',') {
      afterComma = true;
      continue;
    }
    const text = part.replace(/[^A-Z.]/g, '');
    if (text.replace(/\./g, '') === '') continue;
    out.push({
      text: text.replace(/\./g, ''),
      parts: text.split('.').filter((p) => p !== ''),
      dotted: text.includes('.'),
      afterComma,
    });
  }
  return out;
}

function foldCase(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/['`\u2019]/g, '')
    .replace(/-/g, ' ');
}

/** Removes leading titles and trailing degrees, keeping at least one token. */
function stripTitles(tokens: RawToken[]): RawToken[] {
  let start = 0;
  while (start < tokens.length - 1 && PREFIX_TITLES.has((tokens[start] as RawToken).text)) start++;
  let end = tokens.length;
  while (end - 1 > start) {
    const last = tokens[end - 1] as RawToken;
    if (!(DEGREE_SUFFIXES.has(last.text) && (last.dotted || last.afterComma))) break;
    end--;
  }
  return tokens.slice(start, end);
}

export function normaliseName(raw: string): NormalisedName {
  const upper = foldCase(raw);
  let deathHint = false;
  const kept = rawTokens(upper).filter((token) => {
    if (!DEATH_MARKERS.has(token.text)) return true;
    deathHint = true;
    return false;
  });
  let tokens = stripTitles(kept).flatMap((token) => token.parts);
  let patronym = '';
  const connector = tokens.findIndex((t, i) => i > 0 && PATRONYMIC_CONNECTORS.has(t));
  if (connector > 0) {
    patronym = tokens.slice(connector + 1).join(' ');
    tokens = tokens.slice(0, connector);
  }
  const canonical = tokens.map(canonicalToken);
  return {
    clean: tokens.join(' '),
    tokens,
    canonical,
    key: [...canonical].sort().join(' '),
    deathHint,
    patronym,
  };
}
