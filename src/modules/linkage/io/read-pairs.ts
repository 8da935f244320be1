import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { PairDecision } from '../types.ts';
import { RecordsFileError } from './read-records.ts';

async function rows(file: string): Promise<string[][]> {
  const records = parse(await readFile(file), {
    bom: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
  if (records.length === 0) throw new RecordsFileError(`${file}: the file is empty`);
  return records;
}

/** True pairs from a CSV whose first two columns are record ids (a header row first). */
export async function readTruePairs(file: string): Promise<[string, string][]> {
  const [, ...data] = await rows(file);
  return data.map((row, i) => {
    if (!row[0] || !row[1]) throw new RecordsFileError(`${file}, line ${i + 2}: two ids are needed`);
    return [row[0], row[1]];
  });
}

const SAME = new Set(['same', 'true', '1', 'ya', 'sama']);
const NOT_SAME = new Set(['not_same', 'false', '0', 'tidak', 'beda']);

/** People's decisions from a CSV with columns id_a, id_b, decision (same / not_same). */
export async function readDecisions(file: string): Promise<PairDecision[]> {
  const [, ...data] = await rows(file);
  return data.map((row, i) => {
    const decision = (row[2] ?? '').toLowerCase();
    if (!row[0] || !row[1] || !(SAME.has(decision) || NOT_SAME.has(decision))) {
      throw new RecordsFileError(`${file}, line ${i + 2}: expected id_a,id_b,same|not_same`);
    }
    return { a: row[0], b: row[1], same: SAME.has(decision) };
  });
}
