import type { RecordsBuilder } from '../prepare/records-builder.ts';
import { PERSON_FIELDS, type PersonField } from '../types.ts';
import type { ColumnMap } from './column-map.ts';
import { CsvFormatError, csvRows } from './csv-rows.ts';

export class RecordsFileError extends Error {}

/** Fields that must have a column: without them records cannot be told apart or compared. */
const REQUIRED_FIELDS: readonly PersonField[] = ['id', 'name'];

/**
 * Streams a CSV of person records into a builder, so that the records themselves are never all
 * held. Returns the number of records read and the fields the file has no column for. Fails
 * with the file, line and reason on a missing id or name column, an empty or repeated id.
 */
export async function readRecords(
  file: string,
  columns: ColumnMap,
  builder: RecordsBuilder,
  onProgress?: (bytesRead: number) => void,
): Promise<{ count: number; missing: PersonField[] }> {
  try {
    return await readRows(file, columns, builder, onProgress);
  } catch (error) {
    if (error instanceof CsvFormatError) throw new RecordsFileError(`${file}, ${error.message}`);
    if (isMissingFile(error)) throw new RecordsFileError(`${file}: no such file`);
    throw error;
  }
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

async function readRows(
  file: string,
  columns: ColumnMap,
  builder: RecordsBuilder,
  onProgress?: (bytesRead: number) => void,
): Promise<{ count: number; missing: PersonField[] }> {
  let headerLength = 0;
  let missing: PersonField[] = [];
  const choose = (header: string[]) => {
    headerLength = header.length;
    const positions = headerPositions(file, header, columns);
    missing = PERSON_FIELDS.filter((_, f) => (positions[f] as number) < 0);
    return positions;
  };
  const seen = new Set<string>();
  let count = 0;
  let header = true;
  for await (const row of csvRows(file, choose, onProgress)) {
    if (header) {
      header = false;
      continue;
    }
    if (row.fieldCount !== headerLength) {
      throw new RecordsFileError(
        `${file}, line ${row.line}: ${row.fieldCount} fields, the header has ${headerLength}`,
      );
    }
    const [id = '', name, nik, kk, sex, birthDate, birthPlace, motherName, areaCode, address] = row.values;
    const trimmed = id.trim();
    if (trimmed === '')
      throw new RecordsFileError(`${file}, line ${row.line}: the id column "${columns.id}" is empty`);
    if (seen.has(trimmed))
      throw new RecordsFileError(`${file}, line ${row.line}: id "${trimmed}" appears twice`);
    seen.add(trimmed);
    builder.add({
      id: trimmed,
      name,
      nik,
      kk,
      sex,
      birth_date: birthDate,
      birth_place: birthPlace,
      mother_name: motherName,
      area_code: areaCode,
      address,
    });
    count++;
  }
  if (header) throw new RecordsFileError(`${file}: the file is empty`);
  return { count, missing };
}

/** The position of each person field's column (PERSON_FIELDS order), -1 when the file has none. */
function headerPositions(file: string, header: string[], columns: ColumnMap): number[] {
  const names = header.map((name) => name.trim());
  const positions: number[] = [];
  for (const field of PERSON_FIELDS) {
    const column = columns[field];
    const position = column === '' ? -1 : names.indexOf(column);
    positions.push(position);
    if (position < 0 && REQUIRED_FIELDS.includes(field)) {
      throw new RecordsFileError(
        `${file}: no column "${column}" for ${field}; the header has ${names.join(', ')} (map it with --map ${field}=COLUMN)`,
      );
    }
  }
  return positions;
}
