import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIRED_COLUMNS } from '../import-format.ts';
import { readRows, recordMaker } from './read-rows.ts';

const dir = mkdtempSync(join(tmpdir(), 'sinergi-read-rows-'));
const header = REQUIRED_COLUMNS.join(',');

async function rowsOf(content: string) {
  const path = join(dir, `f${Math.random()}.csv`);
  writeFileSync(path, content);
  const rows = [];
  for await (const row of readRows(path, 'csv').rows) rows.push(row);
  return rows;
}

describe('reading CSV rows', () => {
  it('numbers rows by their line in the file, across quoted line breaks and empty lines', async () => {
    const values = (name: string) => REQUIRED_COLUMNS.map((c) => (c === 'nama' ? name : 'x')).join(',');
    const rows = await rowsOf(
      `\uFEFF${header}\r\n${values('Satu')}\r\n\r\n${values('"Dua\nbaris"')}\r\n${values('Tiga')}\r\n`,
    );
    expect(rows.map((r) => [r.lineNo, r.record.nama])).toEqual([
      [2, 'Satu'],
      [4, 'Dua\nbaris'],
      [6, 'Tiga'],
    ]);
  });

  it('names the required columns a header lacks', async () => {
    await expect(rowsOf('nik,nama\n1,a\n')).rejects.toThrow(/kolom wajib: id_keluarga, no_kk/);
  });

  it('says when a file is empty', async () => {
    await expect(rowsOf('')).rejects.toThrow(/Berkas kosong/);
  });

  it('keys cells by any header text as own fields, the last of a repeated name winning', () => {
    const odd = `a'b"\` + \${x}\\`;
    const toRecord = recordMaker(['nik', '__proto__', odd, '', 'nik', 'tail']);
    const record = toRecord(['1', 'p', 'q', 'skipped', '2']);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.entries(record)).toEqual([
      ['nik', '2'],
      ['__proto__', 'p'],
      [odd, 'q'],
      ['tail', ''],
    ]);
  });
});
