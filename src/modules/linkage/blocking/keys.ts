import type { RecordColumns, TokenColumn } from '../prepare/columns.ts';
import type { BlockingKey, BlockingRule } from '../settings.ts';
import { phoneticToken } from '../text/phonetic.ts';

/**
 * Blocking keys: one integer per record (-1 when the record lacks it), dense from 0, so that
 * blocks can be formed by counting sort and keys compared by integer equality.
 */

/** Value ranges up to this size are renumbered through a lookup table rather than by sorting. */
const TABLE_LIMIT = 1 << 24;

/**
 * Renumbers non-negative integers (below 2^53) densely from 0, in ascending order of value; -1
 * stays -1. Small ranges (dates, years, codes) go through a lookup table, others are sorted.
 */
function densify(raw: ArrayLike<number>): Int32Array {
  const out = new Int32Array(raw.length);
  let min = Number.POSITIVE_INFINITY;
  let max = -1;
  for (let r = 0; r < raw.length; r++) {
    const value = raw[r] as number;
    if (value < 0) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (max < 0) return out.fill(-1);
  if (max - min < TABLE_LIMIT) {
    const table = new Int32Array(max - min + 1).fill(-1);
    for (let r = 0; r < raw.length; r++) if ((raw[r] as number) >= 0) table[(raw[r] as number) - min] = 0;
    let next = 0;
    for (let v = 0; v < table.length; v++) if (table[v] === 0) table[v] = next++;
    for (let r = 0; r < raw.length; r++) {
      const value = raw[r] as number;
      out[r] = value < 0 ? -1 : (table[value - min] as number);
    }
    return out;
  }
  const sorted = new Float64Array(raw.length);
  let count = 0;
  for (let r = 0; r < raw.length; r++) if ((raw[r] as number) >= 0) sorted[count++] = raw[r] as number;
  const values = sorted.subarray(0, count).sort();
  let distinct = 0;
  for (let k = 0; k < values.length; k++) {
    if (k === 0 || values[k] !== values[k - 1]) values[distinct++] = values[k] as number;
  }
  for (let r = 0; r < raw.length; r++) {
    const value = raw[r] as number;
    if (value < 0) {
      out[r] = -1;
      continue;
    }
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    out[r] = lo;
  }
  return out;
}

/**
 * Records ordered by key (counting sort, stable): the building block of combining keys.
 * Keys are dense ids below `width`; records without a key are left out.
 */
function orderByKey(keys: Int32Array, width: number, within: Int32Array): Int32Array {
  const counts = new Int32Array(width + 1);
  for (let k = 0; k < within.length; k++) {
    const slot = (keys[within[k] as number] as number) + 1;
    counts[slot] = (counts[slot] as number) + 1;
  }
  for (let v = 0; v < width; v++) counts[v + 1] = (counts[v + 1] as number) + (counts[v] as number);
  const out = new Int32Array(within.length);
  for (let k = 0; k < within.length; k++) {
    const r = within[k] as number;
    const slot = keys[r] as number;
    out[counts[slot] as number] = r;
    counts[slot] = (counts[slot] as number) + 1;
  }
  return out;
}

/** The pair of two dense keys as one dense key (-1 when either is missing), by two counting sorts. */
function combine(a: Int32Array, b: Int32Array): Int32Array {
  let widthA = 0;
  let widthB = 0;
  let present = 0;
  for (let r = 0; r < a.length; r++) {
    if ((a[r] as number) < 0 || (b[r] as number) < 0) continue;
    present++;
    widthA = Math.max(widthA, (a[r] as number) + 1);
    widthB = Math.max(widthB, (b[r] as number) + 1);
  }
  const records = new Int32Array(present);
  for (let r = 0, k = 0; r < a.length; r++)
    if ((a[r] as number) >= 0 && (b[r] as number) >= 0) records[k++] = r;
  const sorted = orderByKey(a, widthA, orderByKey(b, widthB, records));
  const out = new Int32Array(a.length).fill(-1);
  let id = -1;
  for (let k = 0; k < sorted.length; k++) {
    const r = sorted[k] as number;
    const previous = k > 0 ? (sorted[k - 1] as number) : -1;
    if (previous < 0 || a[r] !== a[previous] || b[r] !== b[previous]) id++;
    out[r] = id;
  }
  return out;
}

/** Per record, a number derived from its name value's tokens (-1 when it has no name). */
function perNameValue(column: TokenColumn, ofValue: (start: number, end: number) => number): Int32Array {
  const perValue = new Int32Array(column.key.length);
  for (let v = 0; v < perValue.length; v++) {
    perValue[v] = ofValue(column.tokenStart[v] as number, column.tokenStart[v + 1] as number);
  }
  const out = new Int32Array(column.value.length);
  for (let r = 0; r < out.length; r++) {
    const v = column.value[r] as number;
    out[r] = v < 0 ? -1 : (perValue[v] as number);
  }
  return out;
}

/**
 * Interns a key made per name value from its canonical tokens: each token's part (its initial,
 * its sound key) is computed once per distinct token, then the parts are sorted and joined.
 */
function nameStringKey(columns: RecordColumns, part: (token: string) => string): Int32Array {
  const ids = new Map<string, number>();
  const parts = new Map<number, string>();
  const column = columns.name;
  return perNameValue(column, (start, end) => {
    const pieces: string[] = [];
    for (let t = start; t < end; t++) {
      const token = column.canonicalTokens[t] as number;
      let piece = parts.get(token);
      if (piece === undefined) {
        piece = part(columns.tokens[token] as string);
        parts.set(token, piece);
      }
      pieces.push(piece);
    }
    const key = pieces.sort().join(' ');
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  });
}

/** How many records' names hold each canonical token. */
function tokenCounts(columns: RecordColumns): Int32Array {
  const counts = new Int32Array(columns.tokens.length);
  const { value, tokenStart, canonicalTokens } = columns.name;
  for (let r = 0; r < columns.count; r++) {
    const v = value[r] as number;
    if (v < 0) continue;
    for (let t = tokenStart[v] as number; t < (tokenStart[v + 1] as number); t++) {
      counts[canonicalTokens[t] as number] = (counts[canonicalTokens[t] as number] as number) + 1;
    }
  }
  return counts;
}

function dateKey(
  columns: RecordColumns,
  part: (year: number, month: number, day: number) => number,
): Int32Array {
  const { year, month, day } = columns.birth_date;
  const raw = new Float64Array(columns.count);
  for (let r = 0; r < raw.length; r++) {
    raw[r] = year[r] === 0 ? -1 : part(year[r] as number, month[r] as number, day[r] as number);
  }
  return densify(raw);
}

export function blockingKey(columns: RecordColumns, key: BlockingKey): Int32Array {
  const name = columns.name;
  switch (key) {
    case 'nik':
      return columns.nik.value;
    case 'kk':
      return columns.kk.value;
    case 'nik_birth_segment':
      return densify(columns.nik.birthSegment);
    case 'birth_date':
      return dateKey(columns, (y, m, d) => y * 10_000 + m * 100 + d);
    case 'birth_year':
      return dateKey(columns, (y) => y);
    case 'birth_month_day':
      return dateKey(columns, (_y, m, d) => m * 100 + d);
    case 'name_key':
      return recordKey(name);
    case 'name_first_token':
      return perNameValue(name, (start, end) => (end > start ? (name.canonicalTokens[start] as number) : -1));
    case 'name_last_token':
      return perNameValue(name, (start, end) =>
        end > start ? (name.canonicalTokens[end - 1] as number) : -1,
      );
    case 'name_rarest_token': {
      const counts = tokenCounts(columns);
      return perNameValue(name, (start, end) => {
        let best = -1;
        for (let t = start; t < end; t++) {
          const token = name.canonicalTokens[t] as number;
          if (best < 0 || (counts[token] as number) < (counts[best] as number)) best = token;
        }
        return best;
      });
    }
    case 'name_initials':
      return nameStringKey(columns, (token) => token.slice(0, 1));
    case 'name_phonetic':
      return nameStringKey(columns, phoneticToken);
    case 'mother_key':
      return recordKey(columns.mother_name);
    case 'sex': {
      const out = new Int32Array(columns.count);
      for (let r = 0; r < out.length; r++) out[r] = (columns.sex[r] as number) - 1;
      return out;
    }
    case 'desa':
      return columns.area_code.desa;
    case 'kecamatan':
      return columns.area_code.kecamatan;
  }
}

function recordKey(column: TokenColumn): Int32Array {
  const out = new Int32Array(column.value.length);
  for (let r = 0; r < out.length; r++) {
    const v = column.value[r] as number;
    out[r] = v < 0 ? -1 : (column.key[v] as number);
  }
  return out;
}

/** The rule's key per record: all of its keys combined; -1 when any is missing. */
export function ruleKey(columns: RecordColumns, rule: BlockingRule): Int32Array {
  let combined = blockingKey(columns, rule.keys[0] as BlockingKey);
  for (const key of rule.keys.slice(1)) combined = combine(combined, blockingKey(columns, key));
  return combined;
}
