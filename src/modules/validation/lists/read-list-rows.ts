import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { badRequest } from '../../../server/errors.ts';

/**
 * A small streaming reader for external lists (CSV or the first XLSX worksheet). The registry's
 * reader checks the DTSEN columns in its header; lists have their own columns, named by the caller.
 */
export interface ListRow {
  /** Line (CSV) or row (XLSX) number in the file; the header is 1. */
  lineNo: number;
  record: Record<string, string>;
}

export type ListFileFormat = 'csv' | 'xlsx';

export function listFileFormat(fileName: string): ListFileFormat {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw badRequest(
    `Format berkas "${ext || fileName}" tidak didukung: gunakan .csv atau .xlsx`,
    `File format "${ext || fileName}" is not supported: use .csv or .xlsx`,
  );
}

/** Streams the rows as records keyed by the (trimmed, lower-case) header; memory stays flat. */
export function readListRows(
  path: string,
  format: ListFileFormat,
  requiredColumns: readonly string[],
): AsyncIterable<ListRow> {
  const stream = createReadStream(path);
  return format === 'csv' ? csvRows(stream, requiredColumns) : xlsxRows(stream, requiredColumns);
}

async function* csvRows(stream: NodeJS.ReadableStream, required: readonly string[]): AsyncIterable<ListRow> {
  const parser = stream.pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: false }));
  let header: string[] | undefined;
  let line = 1;
  for await (const cells of parser as AsyncIterable<string[]>) {
    const lineNo = line;
    // A quoted cell with line breaks spans several lines of the file.
    line += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0);
    if (cells.length === 1 && cells[0] === '') continue;
    if (!header) {
      header = checkHeader(
        lineNo === 1 ? [(cells[0] ?? '').replace(/^\uFEFF/, ''), ...cells.slice(1)] : cells,
        required,
      );
      continue;
    }
    yield { lineNo, record: toRecord(header, cells) };
  }
  if (!header) throw emptyFile();
}

async function* xlsxRows(stream: NodeJS.ReadableStream, required: readonly string[]): AsyncIterable<ListRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream as never, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  let header: string[] | undefined;
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (!header) {
        header = checkHeader(cells, required);
        continue;
      }
      if (cells.every((cell) => cell === '')) continue;
      yield { lineNo: row.number, record: toRecord(header, cells) };
    }
    // Only the first worksheet holds the list.
    break;
  }
  if (!header) throw emptyFile();
}

function checkHeader(cells: string[], required: readonly string[]): string[] {
  const header = cells.map((cell) => cell.trim().toLowerCase());
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw badRequest(
      `Baris judul (baris 1) tidak memuat kolom wajib: ${missing.join(', ')}`,
      `The header (line 1) lacks required columns: ${missing.join(', ')}`,
      { line: 1, missing },
    );
  }
  return header;
}

function toRecord(header: string[], cells: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  header.forEach((column, index) => {
    if (column) record[column] = cells[index] ?? '';
  });
  return record;
}

/** XLSX cells arrive typed: dates as Date, numbers as number, rich text as runs. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  // A NIK or NIP typed as a number must not turn into 3.519e+15.
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value).toString();
  return String(value);
}

function emptyFile() {
  return badRequest('Berkas kosong: tidak ada baris judul', 'The file is empty: no header row', { line: 1 });
}
