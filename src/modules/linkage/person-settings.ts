import type { LinkageSettings } from './settings.ts';

/**
 * Default settings for Indonesian person records (registry, death register, ASN list, payroll).
 * docs/linkage.md explains each choice and the figures they reach on the demo district.
 */
export const PERSON_SETTINGS: LinkageSettings = {
  fields: [
    {
      name: 'name',
      column: 'name',
      levels: [
        { label: 'exact', kind: 'exact', termFrequency: true },
        { label: 'same up to spelling and order', kind: 'canonical', termFrequency: true },
        { label: 'initials, nickname or shorter', kind: 'compatible' },
        { label: 'similarity >= 0.92', kind: 'similarity', threshold: 0.92 },
        { label: 'similarity >= 0.80', kind: 'similarity', threshold: 0.8 },
        { label: 'different', kind: 'else' },
      ],
    },
    {
      name: 'nik',
      column: 'nik',
      levels: [
        { label: 'exact', kind: 'exact' },
        {
          label: 'birth date part mistyped',
          kind: 'birth_segment_mistyped',
        },
        {
          label: 'region part mistyped',
          kind: 'region_mistyped',
        },
        { label: 'different', kind: 'else' },
      ],
    },
    {
      name: 'birth_date',
      column: 'birth_date',
      levels: [
        { label: 'exact', kind: 'exact' },
        { label: 'NIKs encode the same birth date and sex', kind: 'nik_birth_segment' },
        { label: '1 January placeholder, same year', kind: 'placeholder_1_january' },
        { label: 'day and month swapped', kind: 'day_month_swapped' },
        { label: 'one day off', kind: 'one_day_off' },
        { label: 'one year off', kind: 'one_year_off' },
        { label: 'same month and year', kind: 'same_month_year' },
        { label: 'different', kind: 'else' },
      ],
    },
    {
      name: 'sex',
      column: 'sex',
      levels: [
        { label: 'same', kind: 'exact' },
        { label: 'different', kind: 'else' },
      ],
    },
    {
      name: 'mother_name',
      column: 'mother_name',
      levels: [
        { label: 'same up to spelling and order', kind: 'canonical', termFrequency: true },
        { label: 'initials, nickname or shorter', kind: 'compatible' },
        { label: 'similarity >= 0.88', kind: 'similarity', threshold: 0.88 },
        { label: 'different', kind: 'else' },
      ],
    },
    {
      name: 'birth_place',
      column: 'birth_place',
      levels: [
        { label: 'exact', kind: 'exact', termFrequency: true },
        { label: 'similarity >= 0.88', kind: 'similarity', threshold: 0.88 },
        { label: 'different', kind: 'else' },
      ],
    },
    {
      name: 'area',
      column: 'area_code',
      levels: [
        { label: 'same desa', kind: 'same_desa' },
        { label: 'same kecamatan', kind: 'same_kecamatan' },
        { label: 'same kabupaten', kind: 'same_kabupaten' },
        { label: 'different', kind: 'else' },
      ],
    },
    {
      name: 'kk',
      column: 'kk',
      levels: [
        { label: 'exact', kind: 'exact' },
        { label: 'one digit wrong', kind: 'one_digit_wrong' },
        { label: 'different', kind: 'else' },
      ],
    },
  ],
  blockingRules: [
    { name: 'nik', keys: ['nik'] },
    { name: 'birth date + initials', keys: ['birth_date', 'name_initials'] },
    { name: 'birth date + sex + kecamatan', keys: ['birth_date', 'sex', 'kecamatan'] },
    { name: 'desa + name sound', keys: ['desa', 'name_phonetic'] },
    {
      name: "mother's name + birth year + sex + kecamatan",
      keys: ['mother_key', 'birth_year', 'sex', 'kecamatan'],
    },
    { name: "mother's name + birth date", keys: ['mother_key', 'birth_date'] },
  ],
  trainingRules: [
    { name: 'nik', keys: ['nik'] },
    { name: 'birth date', keys: ['birth_date'] },
    { name: 'kk', keys: ['kk'] },
    { name: 'name + birth year', keys: ['name_key', 'birth_year'] },
    { name: 'name', keys: ['name_key'] },
  ],
  deterministicRules: [{ name: 'nik + birth date', keys: ['nik', 'birth_date'] }],
  deterministicRecall: 0.6,
  uSampleSize: 500_000,
  trainingPairLimit: 300_000,
  emMaxIterations: 200,
  emTolerance: 1e-5,
  matchThreshold: 0.95,
  reviewThreshold: 0.5,
};
