import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvFormatError, csvRows } from './csv-rows.ts';

const dir = mkdtempSync(join(tmpdir(), 'csv-rows-'));

async function readAll(text: string | Buffer, choose = (header: string[]) => header.map((_, i) => i)) {
  const file = join(dir, 'data.csv');
  writeFileSync(file, text);
  const rows: string[][] = [];
  for await (const row of csvRows(file, choose)) rows.push(row.values);
  return rows;
}

describe('csvRows', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', async () => {
    const text = '\ufeffid,nama\r\n1,"Sri Wahyuni, S.Pd."\r\n2,"Ma""ruf\nAmin"\r\n\r\n3,Slamet';
    expect(await readAll(text)).toEqual([
      ['id', 'nama'],
      ['1', 'Sri Wahyuni, S.Pd.'],
      ['2', 'Ma"ruf\nAmin'],
      ['3', 'Slamet'],
    ]);
  });

  it('decodes only the chosen columns, in the chosen order', async () => {
    expect(await readAll('a,b,c\n1,2,3\n', () => [2, 0, -1])).toEqual([
      ['a', 'b', 'c'],
      ['3', '1', ''],
    ]);
  });

  it('reports text after a closing quote and an unclosed quote', async () => {
    await expect(readAll('a,b\n"x"y,2\n')).rejects.toThrow(CsvFormatError);
    await expect(readAll('a,b\n"x,2\n')).rejects.toThrow(/not closed/);
  });

  it('agrees with csv-parse on any table, whatever the chunk boundaries', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', 'é', '1'), maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 }),
        async (table) => {
          const rows = [['x', 'y', 'z'], ...table.filter((row) => row.some((value) => value !== ''))];
          const text = stringify(rows);
          expect(await readAll(text)).toEqual(parse(text, { skip_empty_lines: true }));
        },
      ),
      { numRuns: 60 },
    );
    const big = stringify(Array.from({ length: 40_000 }, (_, i) => [`id${i}`, `"nama, ${i}"`, 'x\ny']));
    const rows = await readAll(big);
    expect(rows).toHaveLength(40_000);
    expect(rows[39_999]).toEqual(['id39999', '"nama, 39999"', 'x\ny']);
  });
});
