import { PERSON_FIELDS, type PersonField } from '../types.ts';

/** Which CSV column holds each person field. */
export type ColumnMap = Record<PersonField, string>;

/** Sinergi's import format (docs/import-format.md). */
export const IMPORT_FORMAT_COLUMNS: ColumnMap = {
  id: 'id_individu',
  name: 'nama',
  nik: 'nik',
  kk: 'no_kk',
  sex: 'jenis_kelamin',
  birth_date: 'tanggal_lahir',
  birth_place: 'tempat_lahir',
  mother_name: 'nama_ibu_kandung',
  area_code: 'kode_desa',
  address: 'alamat',
};

export class ColumnMapError extends Error {}

/**
 * Reads `field=column,field=column` over the defaults: `name=nama_lengkap,birth_date=tgl_lahir`.
 * An empty column (`kk=`) means the file has no such column.
 */
export function parseColumnMap(
  text: string | undefined,
  defaults: ColumnMap = IMPORT_FORMAT_COLUMNS,
): ColumnMap {
  const map: ColumnMap = { ...defaults };
  if (text === undefined || text.trim() === '') return map;
  for (const part of text.split(',')) {
    const [field, column, ...rest] = part.split('=');
    const name = field?.trim() ?? '';
    if (column === undefined || rest.length > 0 || !(PERSON_FIELDS as readonly string[]).includes(name)) {
      throw new ColumnMapError(
        `--map: "${part}" is not field=column with a field among ${PERSON_FIELDS.join(', ')}`,
      );
    }
    map[name as PersonField] = column.trim();
  }
  return map;
}
