import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { badRequest } from '../../../server/errors.ts';
import { REQUIRED_COLUMNS } from '../import-format.ts';
import { csvRecords, nextRecord } from './csv-lines.ts';

export interface SourceRow {
  /** Line (CSV) or row (XLSX) number in the file; the header is 1. */
  lineNo: number;
  record: Record<string, string>;
}

export interface RowSource {
  rows: AsyncIterable<SourceRow>;
  /** Bytes of the file read so far, for progress. */
  bytesRead(): number;
  totalBytes: number;
}

export type FileFormat = 'csv' | 'xlsx';

export function detectFormat(fileName: string): FileFormat {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw badRequest(
    `Format berkas "${ext || fileName}" tidak didukung: gunakan .csv atau .xlsx`,
    `File format "${ext || fileName}" is not supported: use .csv or .xlsx`,
  );
}

/** Streams the rows of a CSV or XLSX file as records keyed by the header; memory stays flat. */
export function readRows(path: string, format: FileFormat): RowSource {
  const stream = createReadStream(path);
  let bytes = 0;
  stream.on('data', (chunk) => {
    bytes += chunk.length;
  });
  return {
    rows: format === 'csv' ? csvRows(stream) : xlsxRows(stream),
    bytesRead: () => bytes,
    totalBytes: statSync(path).size,
  };
}

/** CSV through csv-lines.ts; a row's line number counts quoted line breaks and empty lines before it. */
async function* csvRows(stream: NodeJS.ReadableStream): AsyncIterable<SourceRow> {
  stream.setEncoding('utf8');
  let toRecord: RecordMaker | undefined;
  for await (const records of csvRecords(stream as AsyncIterable<string>)) {
    for (const { lineNo, cells } of records) {
      if (!toRecord) {
        toRecord = recordMaker(headerOf(lineNo, cells));
        continue;
      }
      yield { lineNo, record: toRecord(cells) };
    }
  }
  if (!toRecord) throw emptyFile();
}

/**
 * The header of a CSV file (its first non-empty record), checked, with the byte offset and line
 * number just after it: where the rows begin.
 */
export async function readCsvHeader(
  path: string,
): Promise<{ header: string[]; nextByte: number; nextLine: number }> {
  const decoder = new StringDecoder('utf8');
  let text = '';
  let at = 0;
  let line = 1;
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    const chunks = stream[Symbol.asyncIterator]();
    for (let done = false; ; ) {
      const next = nextRecord(text, at, done);
      if (next?.cells) {
        return {
          header: headerOf(line, next.cells),
          nextByte: Buffer.byteLength(text.slice(0, next.next)),
          nextLine: line + next.lines,
        };
      }
      if (next) {
        line += next.lines;
        at = next.next;
        continue;
      }
      if (done) throw emptyFile();
      const chunk = await chunks.next();
      done = chunk.done === true;
      text += done ? decoder.end() : decoder.write(chunk.value as Buffer);
    }
  } finally {
    stream.destroy();
  }
}

function headerOf(lineNo: number, cells: string[]): string[] {
  return checkHeader(lineNo === 1 ? [(cells[0] ?? '').replace(/^\uFEFF/, ''), ...cells.slice(1)] : cells);
}

async function* xlsxRows(stream: NodeJS.ReadableStream): AsyncIterable<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream as never, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  let toRecord: RecordMaker | undefined;
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (!toRecord) {
        toRecord = recordMaker(checkHeader(cells));
        continue;
      }
      if (cells.every((cell) => cell === '')) continue;
      yield { lineNo: row.number, record: toRecord(cells) };
    }
    // Only the first worksheet holds the data; others (notes, code lists) are ignored.
    break;
  }
  if (!toRecord) throw emptyFile();
}

function checkHeader(cells: string[]): string[] {
  const header = cells.map((cell) => cell.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw badRequest(
      `Baris judul (baris 1) tidak memuat kolom wajib: ${missing.join(', ')}. Lihat format impor.`,
      `The header (line 1) lacks required columns: ${missing.join(', ')}. See the import format.`,
      { line: 1, missing },
    );
  }
  return header;
}

export type RecordMaker = (cells: readonly string[]) => Record<string, string>;

/**
 * A function keying a row's cells by the header's column names, compiled once per file into one
 * object literal: setting the columns one by one (a keyed store per cell, the names varying) took
 * a quarter of a worker's time, the literal, whose records all share one shape, a few times less.
 * Column names enter the source only as JSON string literals in computed keys, so a header can
 * neither inject code nor set a prototype; a repeated name keeps its last cell, as assignment would.
 */
export function recordMaker(header: readonly string[]): RecordMaker {
  const fields = header.flatMap((column, index) =>
    column ? [`[${JSON.stringify(column)}]: cells[${index}] ?? ''`] : [],
  );
  return new Function('cells', `return { ${fields.join(', ')} };`) as RecordMaker;
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
  // Whole numbers (NIK typed as a number in Excel) must not turn into 3.519e+15.
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value).toString();
  return String(value);
}

function emptyFile() {
  return badRequest('Berkas kosong: tidak ada baris judul', 'The file is empty: no header row', { line: 1 });
}
