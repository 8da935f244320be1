import { createReadStream } from 'node:fs';

/** A piece of a CSV file that begins and ends at record boundaries. */
export interface CsvChunk {
  bytes: Uint8Array;
  /** Line number of the piece's first line. */
  firstLine: number;
  /** Byte offset in the file just after the piece, for progress. */
  endByte: number;
}

const NEWLINE = 0x0a;
const QUOTE = 0x22;

/**
 * Cuts a CSV file, from `startByte` (line `startLine`), into pieces of about `chunkBytes` that end
 * at a record boundary, so worker threads can parse them side by side. Works on bytes: a line
 * break or a quote never occurs inside a multi-byte UTF-8 character. A line break inside a quoted
 * field is not a boundary (the quotes before it are odd in number).
 */
export async function* csvChunks(
  path: string,
  chunkBytes: number,
  startByte: number,
  startLine: number,
): AsyncIterable<CsvChunk> {
  let pending: Buffer = Buffer.alloc(0);
  let line = startLine;
  let offset = startByte;
  const piece = (bytes: Buffer): CsvChunk => {
    const chunk = { bytes: new Uint8Array(bytes), firstLine: line, endByte: offset + bytes.length };
    line += countNewlines(bytes);
    offset += bytes.length;
    return chunk;
  };
  for await (const read of createReadStream(path, { start: startByte, highWaterMark: chunkBytes })) {
    const data = pending.length > 0 ? Buffer.concat([pending, read as Buffer]) : (read as Buffer);
    const cut = lastBoundary(data);
    if (cut > 0) yield piece(data.subarray(0, cut));
    pending = data.subarray(cut);
  }
  if (pending.length > 0) yield piece(pending);
}

/** Index just after the last line break that ends a record, or 0. */
function lastBoundary(data: Buffer): number {
  if (data.indexOf(QUOTE) === -1) return data.lastIndexOf(NEWLINE) + 1;
  let quoted = false;
  let boundary = 0;
  for (let at = 0; at < data.length; at++) {
    const byte = data[at];
    if (byte === QUOTE) quoted = !quoted;
    else if (byte === NEWLINE && !quoted) boundary = at + 1;
  }
  return boundary;
}

function countNewlines(bytes: Buffer): number {
  let lines = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) lines++;
  return lines;
}
