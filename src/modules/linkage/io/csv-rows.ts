import { createReadStream } from 'node:fs';

/**
 * A streaming CSV reader (RFC 4180: comma separated, fields optionally quoted with `"`, a quote
 * inside a quoted field doubled, CRLF or LF line ends, a UTF-8 byte order mark skipped) that
 * decodes only the columns asked for. Linkage reads a few of the import format's thirty columns
 * from files of millions of rows, where building every field as a string costs more than the
 * linkage itself. Empty lines are skipped.
 */
export class CsvFormatError extends Error {}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export interface CsvRow {
  /** Line number of the row's first line (the header is line 1). */
  line: number;
  /** The wanted columns' values (by position in `wanted`); '' for a column the row lacks. */
  values: string[];
  /** How many fields the row has. */
  fieldCount: number;
}

function decode(bytes: Buffer, start: number, end: number, quoted: boolean): string {
  const text = bytes.toString('utf8', start, end);
  return quoted ? text.replace(/""/g, '"') : text;
}

/**
 * Yields the header (every column) and then, for each row, the values of the columns chosen by
 * `choose(header)` (positions in the header).
 */
export async function* csvRows(
  file: string,
  choose: (header: string[]) => number[],
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<CsvRow> {
  let pending: Buffer = Buffer.alloc(0);
  let wanted: Int32Array | undefined;
  let slots: Int32Array = new Int32Array(0);
  let valueCount = 0;
  let line = 1;
  let bytesRead = 0;
  let first = true;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    let bytes = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    if (first) {
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    let rowStart = 0;
    for (;;) {
      const row = parseRow(bytes, rowStart, wanted === undefined ? null : slots, valueCount, line);
      if (row === null) break;
      rowStart = row.next;
      line += row.lines;
      if (row.fieldCount === 0) continue;
      if (wanted === undefined) {
        const header = row.all as string[];
        wanted = Int32Array.from(choose(header));
        valueCount = wanted.length;
        slots = new Int32Array(Math.max(0, ...header.map((_, i) => i + 1))).fill(-1);
        wanted.forEach((position, k) => {
          if (position >= 0 && position < slots.length) slots[position] = k;
        });
        yield { line: line - row.lines, values: header, fieldCount: row.fieldCount };
        continue;
      }
      yield { line: line - row.lines, values: row.values as string[], fieldCount: row.fieldCount };
    }
    pending = bytes.subarray(rowStart);
    onBytes?.(bytesRead);
  }
  if (pending.length > 0) {
    // The last row has no line end: parse it as if it had one.
    const bytes = Buffer.concat([pending, Buffer.from('\n')]);
    const row = parseRow(bytes, 0, wanted === undefined ? null : slots, valueCount, line);
    if (row === null) throw new CsvFormatError(`line ${line}: a quoted field is not closed`);
    if (row.fieldCount > 0) {
      yield {
        line,
        values: (wanted === undefined ? row.all : row.values) as string[],
        fieldCount: row.fieldCount,
      };
    }
  }
}

interface ParsedRow {
  next: number;
  lines: number;
  fieldCount: number;
  values?: string[];
  all?: string[];
}

/**
 * Parses one row starting at `start`; null when the buffer ends before the row does. With
 * `slots` (column -> index into values, -1 to skip) only those columns are decoded; without,
 * every column is (the header).
 */
function parseRow(
  bytes: Buffer,
  start: number,
  slots: Int32Array | null,
  valueCount: number,
  line: number,
): ParsedRow | null {
  const length = bytes.length;
  const values: string[] = slots === null ? [] : new Array<string>(valueCount).fill('');
  let at = start;
  let field = 0;
  let lines = 1;
  if (at >= length) return null;
  // An empty line is a row of no fields.
  if (bytes[at] === LF || (bytes[at] === CR && bytes[at + 1] === LF)) {
    if (bytes[at] === CR && at + 1 >= length) return null;
    return { next: at + (bytes[at] === CR ? 2 : 1), lines: 1, fieldCount: 0, values, all: values };
  }
  for (;;) {
    let value = '';
    const keep = slots === null || (field < slots.length && (slots[field] as number) >= 0);
    if (bytes[at] === QUOTE) {
      let end = at + 1;
      for (;;) {
        end = bytes.indexOf(QUOTE, end);
        if (end < 0) return null;
        if (bytes[end + 1] === QUOTE) {
          end += 2;
          continue;
        }
        if (end + 1 >= length) return null;
        break;
      }
      if (keep) value = decode(bytes, at + 1, end, true);
      for (let k = at + 1; k < end; k++) if (bytes[k] === LF) lines++;
      at = end + 1;
      const after = bytes[at];
      if (after !== COMMA && after !== LF && after !== CR) {
        throw new CsvFormatError(
          `line ${line + lines - 1}: text after the closing quote of field ${field + 1}`,
        );
      }
    } else {
      let end = at;
      while (end < length) {
        const b = bytes[end];
        if (b === COMMA || b === LF || b === CR) break;
        end++;
      }
      if (end >= length) return null;
      if (keep) value = decode(bytes, at, end, false);
      at = end;
    }
    if (keep) {
      if (slots === null) values.push(value);
      else values[slots[field] as number] = value;
    }
    field++;
    const separator = bytes[at];
    if (separator === COMMA) {
      at++;
      if (at >= length) return null;
      continue;
    }
    if (separator === CR) {
      if (at + 1 >= length) return null;
      if (bytes[at + 1] === LF) at++;
    }
    return { next: at + 1, lines, fieldCount: field, values, all: values };
  }
}
