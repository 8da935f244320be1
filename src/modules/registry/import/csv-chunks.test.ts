import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIRED_COLUMNS } from '../import-format.ts';
import { csvChunks } from './csv-chunks.ts';
import { type CsvRecord, splitRecords } from './csv-lines.ts';
import { readCsvHeader } from './read-rows.ts';

const dir = mkdtempSync(join(tmpdir(), 'sinergi-csv-chunks-'));
const header = REQUIRED_COLUMNS.join(',');
const row = (name: string) => REQUIRED_COLUMNS.map((c) => (c === 'nama' ? name : 'x')).join(',');
const content = [
  `\uFEFF${header}`,
  row('Satu'),
  '',
  row('"Dua\nbaris, dengan koma"'),
  row('"Kata ""kutip"" di sini"'),
  row('Bambang Süryo – 三'),
  row('"Tiga\r\nbaris\nlagi"'),
  row('Empat'),
].join('\r\n');

/** The records of the file when its pieces are parsed one by one, as the worker threads do. */
async function recordsByPieces(path: string, chunkBytes: number) {
  const start = await readCsvHeader(path);
  const records: CsvRecord[] = [];
  for await (const piece of csvChunks(path, chunkBytes, start.nextByte, start.nextLine)) {
    records.push(...splitRecords(Buffer.from(piece.bytes).toString(), piece.firstLine, true).records);
  }
  return { header: start.header, records };
}

describe('cutting a CSV file into pieces for parallel parsing', () => {
  it('gives the same records and line numbers however small the pieces', async () => {
    const path = join(dir, 'rows.csv');
    writeFileSync(path, content);
    const whole = splitRecords(content, 1, true).records.slice(1);
    expect(whole.map((r) => [r.lineNo, r.cells[REQUIRED_COLUMNS.indexOf('nama')]])).toEqual([
      [2, 'Satu'],
      [4, 'Dua\nbaris, dengan koma'],
      [6, 'Kata "kutip" di sini'],
      [7, 'Bambang Süryo – 三'],
      [8, 'Tiga\r\nbaris\nlagi'],
      [11, 'Empat'],
    ]);
    for (const chunkBytes of [3, 17, 64, 1 << 20]) {
      const pieces = await recordsByPieces(path, chunkBytes);
      expect(pieces.header).toEqual([...REQUIRED_COLUMNS]);
      expect(pieces.records).toEqual(whole);
    }
  });

  it('reads the header after leading empty lines and says when there is none', async () => {
    const path = join(dir, 'late.csv');
    writeFileSync(path, `\n\n${header}\n${row('Satu')}\n`);
    const pieces = await recordsByPieces(path, 8);
    expect(pieces.records.map((r) => r.lineNo)).toEqual([4]);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '\r\n\r\n');
    await expect(readCsvHeader(empty)).rejects.toThrow(/Berkas kosong/);
  });
});
