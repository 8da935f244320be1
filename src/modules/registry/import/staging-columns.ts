/** A household's columns, in the registry's order. */
export const HOUSEHOLD_FIELDS = [
  'kk',
  'desa_code',
  'address',
  'rt',
  'rw',
  'dusun',
  'desil',
  'floor_type',
  'wall_type',
  'roof_type',
  'drinking_water',
  'sanitation',
  'lighting',
  'cooking_fuel',
  'house_ownership',
  'assets',
  'livestock',
] as const;

/**
 * The household columns checked across a household's rows: staged on every person's row too. All of
 * them are staged once per run of the household's rows (import_staging_households).
 */
export const HOUSEHOLD_KEY_FIELDS = ['kk', 'desa_code', 'desil'] as const;

export const PERSON_FIELDS = [
  'nik',
  'name',
  'sex',
  'birth_place',
  'birth_date',
  'relationship',
  'mother_name',
  'marital_status',
  'education',
  'occupation',
  'disability',
] as const;

/** The columns of import_staging after import_id and line_no, in the order rows are encoded. */
export const STAGED_FIELDS = ['family_id', ...HOUSEHOLD_KEY_FIELDS, 'person_id', ...PERSON_FIELDS] as const;

export const STAGED_COLUMNS = ['import_id', 'line_no', ...STAGED_FIELDS] as const;

/** The columns of import_staging_households after import_id and line_no. */
export const STAGED_HOUSEHOLD_FIELDS = ['family_id', ...HOUSEHOLD_FIELDS] as const;

export const STAGED_HOUSEHOLD_COLUMNS = ['import_id', 'line_no', ...STAGED_HOUSEHOLD_FIELDS] as const;
