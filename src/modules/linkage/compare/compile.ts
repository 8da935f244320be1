import type { RecordColumns, TokenColumnName } from '../prepare/columns.ts';
import type { FieldSettings, LinkageSettings } from '../settings.ts';
import { TokenComparer, TokenTable } from '../text/token-similarity.ts';
import type { Comparator } from './comparator.ts';
import { compileDateField } from './date-field.ts';
import { ALL_DIGITS, compileDigitsField } from './digits-field.ts';
import { compileAreaField, compileSexField } from './simple-fields.ts';
import { compileTokenField, tokenFrequency } from './token-field.ts';

/** The settings' fields turned into functions over prepared columns. */
export interface CompiledFields {
  comparators: Comparator[];
  /** Levels per field, `else` included. */
  levelCounts: number[];
  /** Per field: how common the pair's value is, for fields with term-frequency levels. */
  frequencies: (((i: number, j: number) => number) | undefined)[];
}

const NAME_COLUMNS: ReadonlySet<string> = new Set(['name', 'mother_name']);

function compileField(columns: RecordColumns, table: TokenTable, field: FieldSettings): Comparator {
  switch (field.column) {
    case 'name':
    case 'mother_name':
    case 'birth_place':
    case 'address': {
      const comparer = new TokenComparer(table, NAME_COLUMNS.has(field.column));
      return compileTokenField(columns[field.column], field.levels, comparer);
    }
    case 'nik':
      return compileDigitsField(columns.nik, ALL_DIGITS, field.levels, columns);
    case 'kk':
      return compileDigitsField(columns.kk, ALL_DIGITS, field.levels);
    case 'birth_date':
      return compileDateField(columns.birth_date, columns.nik.birthSegment, field.levels);
    case 'sex':
      return compileSexField(columns.sex, field.levels);
    case 'area_code':
      return compileAreaField(columns.area_code, field.levels);
  }
}

export function compileFields(columns: RecordColumns, settings: LinkageSettings): CompiledFields {
  const table = new TokenTable(columns.tokens);
  return {
    comparators: settings.fields.map((field) => compileField(columns, table, field)),
    levelCounts: settings.fields.map((field) => field.levels.length),
    frequencies: settings.fields.map((field) =>
      field.levels.some((level) => level.termFrequency === true)
        ? tokenFrequency(columns[field.column as TokenColumnName])
        : undefined,
    ),
  };
}

/**
 * Encodes a pair's levels as one number (mixed radix, level + 1 per field, 0 for missing), the
 * key under which EM and u sampling count comparison patterns.
 */
export function patternOf(fields: CompiledFields, i: number, j: number): number {
  let pattern = 0;
  for (let f = 0; f < fields.comparators.length; f++) {
    pattern =
      pattern * ((fields.levelCounts[f] as number) + 1) + (fields.comparators[f] as Comparator)(i, j) + 1;
  }
  return pattern;
}

/** The levels of a pattern, -1 for missing. */
export function levelsOfPattern(levelCounts: readonly number[], pattern: number): Int8Array {
  const levels = new Int8Array(levelCounts.length);
  let rest = pattern;
  for (let f = levelCounts.length - 1; f >= 0; f--) {
    const radix = (levelCounts[f] as number) + 1;
    levels[f] = (rest % radix) - 1;
    rest = Math.floor(rest / radix);
  }
  return levels;
}
