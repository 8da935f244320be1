import { createReadStream } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import type { RecordsBuilder } from '../prepare/records-builder.ts';
import { PERSON_FIELDS, type PersonField, type PersonRecord } from '../types.ts';
import type { ColumnMap } from './column-map.ts';

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
    if (error instanceof CsvError) throw new RecordsFileError(`${file}: ${error.message}`);
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
  const parser = createReadStream(file).pipe(
    parse({ bom: true, relax_quotes: true, skip_empty_lines: true }),
  );
  const bytes = () => parser.info.bytes;
  let positions: [PersonField, number][] | undefined;
  let idPosition = 0;
  const seen = new Set<string>();
  let line = 1;
  let count = 0;
  for await (const row of parser as AsyncIterable<string[]>) {
    if (positions === undefined) {
      positions = headerPositions(file, row, columns);
      idPosition = positions.find(([field]) => field === 'id')?.[1] ?? 0;
      continue;
    }
    line++;
    const id = row[idPosition]?.trim() ?? '';
    if (id === '')
      throw new RecordsFileError(`${file}, line ${line}: the id column "${columns.id}" is empty`);
    if (seen.has(id)) throw new RecordsFileError(`${file}, line ${line}: id "${id}" appears twice`);
    seen.add(id);
    const record: PersonRecord = { id };
    for (const [field, position] of positions) if (field !== 'id') record[field] = row[position];
    builder.add(record);
    count++;
    if (count % 10_000 === 0) onProgress?.(bytes());
  }
  if (positions === undefined) throw new RecordsFileError(`${file}: the file is empty`);
  onProgress?.(bytes());
  const present = new Set(positions.map(([field]) => field));
  return { count, missing: PERSON_FIELDS.filter((field) => !present.has(field)) };
}

function headerPositions(file: string, header: string[], columns: ColumnMap): [PersonField, number][] {
  const names = header.map((name) => name.trim());
  const positions: [PersonField, number][] = [];
  for (const field of PERSON_FIELDS) {
    const column = columns[field];
    const position = column === '' ? -1 : names.indexOf(column);
    if (position >= 0) positions.push([field, position]);
    else if (REQUIRED_FIELDS.includes(field)) {
      throw new RecordsFileError(
        `${file}: no column "${column}" for ${field}; the header has ${names.join(', ')} (map it with --map ${field}=COLUMN)`,
      );
    }
  }
  return positions;
}
