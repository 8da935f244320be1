import { describe, expect, it } from 'vitest';
import { buildBlocks, chunkBlocks, forEachPair } from './blocks.ts';

function pairsOf(keys: number[], split: number, earlier: Int32Array[] = []): string[] {
  const blocks = buildBlocks(Int32Array.from(keys), split);
  const out: string[] = [];
  forEachPair(blocks, earlier, 0, blocks.order.length, (i, j) => out.push(`${i}-${j}`));
  return out;
}

describe('blocking', () => {
  it('pairs records sharing a key, skipping records without one', () => {
    expect(pairsOf([0, 1, 0, -1, 0, 1], 6)).toEqual(['0-2', '0-4', '2-4', '1-5']);
  });

  it('pairs only across the sources in link mode', () => {
    // Records 0-2 are source A, 3-5 source B.
    expect(pairsOf([0, 0, 1, 0, 1, 0], 3)).toEqual(['0-3', '0-5', '1-3', '1-5', '2-4']);
  });

  it('produces a pair once, under the first rule that blocks it', () => {
    const firstRule = Int32Array.from([0, 0, 1, 1]);
    expect(pairsOf([5, 5, 5, 5], 4, [firstRule])).toEqual(['0-2', '0-3', '1-2', '1-3']);
  });

  it('counts pairs and cuts chunks that cover every position once', () => {
    const blocks = buildBlocks(Int32Array.from([0, 0, 0, 1, 1, 2]), 6);
    expect(blocks).toMatchObject({ blockCount: 2, largestBlock: 3, pairCount: 4 });
    const chunks = chunkBlocks(blocks, 0, 2);
    // Positions hold 2, 1, 0 | 1, 0 pairs: a chunk closes once it reaches 2 pairs.
    expect(chunks.map((c) => [c.from, c.to])).toEqual([
      [0, 1],
      [1, 4],
      [4, 5],
    ]);
  });
});
