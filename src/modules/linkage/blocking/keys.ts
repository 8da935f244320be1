import type { RecordColumns, TokenColumn } from '../prepare/columns.ts';
import type { BlockingKey, BlockingRule } from '../settings.ts';
import { phoneticToken } from '../text/phonetic.ts';

/**
 * Blocking keys: one integer per record (-1 when the record lacks it), dense from 0, so that
 * blocks can be formed by counting sort and keys compared by integer equality.
 */

/** Renumbers arbitrary non-negative numbers densely from 0 in order of first appearance. */
function densify(raw: ArrayLike<number>): Int32Array {
  const ids = new Map<number, number>();
  const out = new Int32Array(raw.length);
  for (let r = 0; r < raw.length; r++) {
    const value = raw[r] as number;
    if (value < 0) {
      out[r] = -1;
      continue;
    }
    let id = ids.get(value);
    if (id === undefined) {
      id = ids.size;
      ids.set(value, id);
    }
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

/** Interns strings computed per name value (initials, sound keys). */
function nameStringKey(columns: RecordColumns, toKey: (canonical: string[]) => string): Int32Array {
  const ids = new Map<string, number>();
  const column = columns.name;
  return perNameValue(column, (start, end) => {
    const canonical: string[] = [];
    for (let t = start; t < end; t++)
      canonical.push(columns.tokens[column.canonicalTokens[t] as number] as string);
    const key = toKey(canonical);
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
      return nameStringKey(columns, (canonical) =>
        canonical
          .map((t) => t[0])
          .sort()
          .join(''),
      );
    case 'name_phonetic':
      return nameStringKey(columns, (canonical) => canonical.map(phoneticToken).sort().join(' '));
    case 'mother_key':
      return recordKey(columns.mother_name);
    case 'sex':
      return densify(Array.from(columns.sex, (s) => (s === 0 ? -1 : s)));
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
  for (const key of rule.keys.slice(1)) {
    const next = blockingKey(columns, key);
    let width = 0;
    for (let r = 0; r < next.length; r++) width = Math.max(width, (next[r] as number) + 1);
    const raw = new Float64Array(columns.count);
    for (let r = 0; r < raw.length; r++) {
      const a = combined[r] as number;
      const b = next[r] as number;
      raw[r] = a < 0 || b < 0 ? -1 : a * width + b;
    }
    combined = densify(raw);
  }
  return combined;
}
