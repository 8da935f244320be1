/**
 * Linkage settings: plain JSON-serialisable data, so that they can be stored, shown, diffed and
 * reviewed. docs/linkage.md describes every option.
 */

/** The record attributes that fields compare. */
export type ColumnName =
  | 'name'
  | 'mother_name'
  | 'birth_place'
  | 'address'
  | 'nik'
  | 'kk'
  | 'birth_date'
  | 'sex'
  | 'area_code';

/** Level kinds each column accepts, in addition to `else`. */
export const LEVEL_KINDS = {
  name: ['exact', 'canonical', 'compatible', 'similarity'],
  mother_name: ['exact', 'canonical', 'compatible', 'similarity'],
  birth_place: ['exact', 'similarity'],
  address: ['exact', 'similarity'],
  nik: ['exact', 'one_digit_wrong', 'adjacent_transposition', 'birth_segment_mistyped', 'region_mistyped'],
  kk: ['exact', 'one_digit_wrong', 'adjacent_transposition'],
  birth_date: [
    'exact',
    'nik_birth_segment',
    'placeholder_1_january',
    'day_month_swapped',
    'one_day_off',
    'one_year_off',
    'same_month_year',
  ],
  sex: ['exact'],
  area_code: ['same_desa', 'same_kecamatan', 'same_kabupaten'],
} as const satisfies Record<ColumnName, readonly string[]>;

export type LevelKind = (typeof LEVEL_KINDS)[ColumnName][number] | 'else';

export interface LevelSettings {
  /** Shown to operators next to the level's weight. */
  label: string;
  kind: LevelKind;
  /** For `similarity`: the least similarity (0-1) that reaches this level. */
  threshold?: number;
  /** Adjust this level's weight by how common the value is (name and text columns). */
  termFrequency?: boolean;
}

export interface FieldSettings {
  /** Unique name of the field, used in outputs (e.g. `name`, `nik`). */
  name: string;
  column: ColumnName;
  /** Ordered: the first level that holds for a pair is its level. The last is `else`. */
  levels: LevelSettings[];
}

/** Record keys that blocking rules and deterministic rules combine (all must be equal). */
export const BLOCKING_KEYS = [
  'nik',
  'kk',
  'nik_birth_segment',
  'birth_date',
  'birth_year',
  'birth_month_day',
  'name_key',
  'name_first_token',
  'name_last_token',
  'name_rarest_token',
  'name_initials',
  'name_phonetic',
  'mother_key',
  'sex',
  'desa',
  'kecamatan',
] as const;
export type BlockingKey = (typeof BLOCKING_KEYS)[number];

export interface BlockingRule {
  name: string;
  /** Records are candidates when all keys are present and equal. */
  keys: BlockingKey[];
}

export interface LinkageSettings {
  fields: FieldSettings[];
  /** Candidate pairs are the union of these rules; a pair is produced once, by the first rule. */
  blockingRules: BlockingRule[];
  /** One EM session per rule; a session does not estimate the fields its rule blocks on. */
  trainingRules: BlockingRule[];
  /** Pairs agreeing on any of these rules are taken as sure matches to estimate the prior. */
  deterministicRules: BlockingRule[];
  /** The share of all true matches the deterministic rules are assumed to find (0-1]. */
  deterministicRecall: number;
  /** Random pairs drawn to estimate u. */
  uSampleSize: number;
  /** Blocked pairs compared per EM session at most (blocks are sampled beyond that). */
  trainingPairLimit: number;
  emMaxIterations: number;
  emTolerance: number;
  /** Pairs at or above this probability are matches and join clusters. */
  matchThreshold: number;
  /** Pairs from here up to the match threshold go to people for review; lower ones are dropped. */
  reviewThreshold: number;
}

/**
 * The columns an EM session blocked on a key cannot learn: the key's own columns, and those that
 * agree more often among different people sharing the key than among random pairs, since the
 * session's fixed random-pair u would mistake that agreement for matches. The NIK encodes birth
 * date and sex; people born on the same day in one kecamatan get NIK serials one apart; names
 * are gendered; families living in one desa share KK, address, mother's name and birth place.
 */
export const KEY_COLUMNS: Record<BlockingKey, readonly ColumnName[]> = {
  nik: ['nik', 'birth_date', 'sex'],
  kk: ['kk', 'area_code', 'address', 'mother_name', 'birth_place', 'nik'],
  nik_birth_segment: ['birth_date', 'sex', 'nik'],
  birth_date: ['birth_date', 'nik'],
  birth_year: ['birth_date'],
  birth_month_day: ['birth_date', 'nik'],
  name_key: ['name', 'sex'],
  name_first_token: ['name', 'sex'],
  name_last_token: ['name', 'sex'],
  name_rarest_token: ['name', 'sex'],
  name_initials: ['name', 'sex'],
  name_phonetic: ['name', 'sex'],
  mother_key: ['mother_name', 'kk', 'area_code', 'address', 'birth_place', 'nik'],
  sex: ['sex', 'name'],
  desa: ['area_code', 'kk', 'address', 'mother_name', 'birth_place', 'nik'],
  kecamatan: ['area_code', 'kk', 'address', 'mother_name', 'birth_place', 'nik'],
};

const TOKEN_COLUMNS: ReadonlySet<ColumnName> = new Set(['name', 'mother_name', 'birth_place', 'address']);

export class SettingsError extends Error {}

function fail(message: string): never {
  throw new SettingsError(message);
}

function checkRule(rule: BlockingRule, where: string): void {
  if (rule.keys.length === 0) fail(`${where} "${rule.name}" has no keys`);
  for (const key of rule.keys) {
    if (!(BLOCKING_KEYS as readonly string[]).includes(key))
      fail(`${where} "${rule.name}": unknown key "${key}"`);
  }
}

function checkField(field: FieldSettings): void {
  const kinds = LEVEL_KINDS[field.column] as readonly string[] | undefined;
  if (kinds === undefined) fail(`field "${field.name}": unknown column "${field.column}"`);
  if (field.levels.length < 2) fail(`field "${field.name}" needs at least one level before "else"`);
  field.levels.forEach((level, i) => {
    const last = i === field.levels.length - 1;
    if (last !== (level.kind === 'else'))
      fail(`field "${field.name}": "else" must be the last level, and only it`);
    if (!last && !kinds.includes(level.kind))
      fail(`field "${field.name}": level kind "${level.kind}" does not apply to ${field.column}`);
    if (level.termFrequency === true && !TOKEN_COLUMNS.has(field.column)) {
      fail(`field "${field.name}": term frequency applies only to name and text columns`);
    }
    if (
      level.kind === 'similarity' &&
      !(level.threshold !== undefined && level.threshold > 0 && level.threshold <= 1)
    ) {
      fail(`field "${field.name}": level "${level.label}" needs a threshold in (0, 1]`);
    }
  });
  if (field.levels.length > 15) fail(`field "${field.name}" has more than 15 levels`);
}

/** Throws a SettingsError naming the first problem; returns the settings when they are usable. */
export function validateSettings(settings: LinkageSettings): LinkageSettings {
  if (settings.fields.length === 0) fail('settings need at least one field');
  const names = new Set<string>();
  for (const field of settings.fields) {
    if (names.has(field.name)) fail(`field "${field.name}" appears twice`);
    names.add(field.name);
    checkField(field);
  }
  if (settings.blockingRules.length === 0) fail('settings need at least one blocking rule');
  for (const rule of settings.blockingRules) checkRule(rule, 'blocking rule');
  for (const rule of settings.trainingRules) checkRule(rule, 'training rule');
  for (const rule of settings.deterministicRules) checkRule(rule, 'deterministic rule');
  if (settings.trainingRules.length === 0) fail('settings need at least one training rule');
  for (const field of settings.fields) {
    const learnable = settings.trainingRules.some((rule) => !ruleColumns(rule).has(field.column));
    if (!learnable)
      fail(`field "${field.name}" is blocked on by every training rule, so EM cannot estimate it`);
  }
  if (settings.deterministicRules.length === 0) fail('settings need at least one deterministic rule');
  if (!(settings.deterministicRecall > 0 && settings.deterministicRecall <= 1))
    fail('deterministicRecall must be in (0, 1]');
  if (
    !(
      settings.reviewThreshold > 0 &&
      settings.reviewThreshold <= settings.matchThreshold &&
      settings.matchThreshold < 1
    )
  ) {
    fail('thresholds must satisfy 0 < reviewThreshold <= matchThreshold < 1');
  }
  if (!(settings.uSampleSize >= 1000)) fail('uSampleSize must be at least 1000');
  if (!(settings.trainingPairLimit >= 1000)) fail('trainingPairLimit must be at least 1000');
  return settings;
}

/** The columns a rule's keys are made of. */
export function ruleColumns(rule: BlockingRule): Set<ColumnName> {
  return new Set(rule.keys.flatMap((key) => KEY_COLUMNS[key]));
}
