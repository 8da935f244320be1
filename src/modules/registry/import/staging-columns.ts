/** The columns of import_staging after import_id and line_no, in the order rows are encoded. */
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

export const STAGED_FIELDS = ['family_id', ...HOUSEHOLD_FIELDS, 'person_id', ...PERSON_FIELDS] as const;

export const STAGED_COLUMNS = ['import_id', 'line_no', ...STAGED_FIELDS] as const;
