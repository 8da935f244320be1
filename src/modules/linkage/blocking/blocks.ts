import { sharedArray } from '../prepare/columns.ts';

/**
 * The candidate pairs of one blocking rule, without listing them: records are grouped by key
 * (counting sort), and each grouped position p pairs with positions innerStart[p]..innerEnd[p] of
 * the same block. Pairs are enumerated on the fly, so memory grows with records, not pairs.
 */
export interface RuleBlocks {
  /** Record indices of blocks that yield pairs, grouped by key, ascending within a block. */
  order: Int32Array;
  innerStart: Int32Array;
  innerEnd: Int32Array;
  blockCount: number;
  largestBlock: number;
  /** Pairs in the blocks, before pairs already produced by earlier rules are skipped. */
  pairCount: number;
}

/**
 * Groups records by key. In link mode (split < count) only pairs across the sources count:
 * records [0, split) are source A, and A records pair with the B records of their block.
 */
export function buildBlocks(keys: Int32Array, split: number): RuleBlocks {
  const count = keys.length;
  let keyCount = 0;
  for (let r = 0; r < count; r++) keyCount = Math.max(keyCount, (keys[r] as number) + 1);
  const sizes = new Int32Array(keyCount);
  const sizesA = new Int32Array(keyCount);
  for (let r = 0; r < count; r++) {
    const key = keys[r] as number;
    if (key < 0) continue;
    sizes[key] = (sizes[key] as number) + 1;
    if (r < split) sizesA[key] = (sizesA[key] as number) + 1;
  }
  const link = split < count;
  const useful = (key: number) =>
    link
      ? (sizesA[key] as number) > 0 && (sizes[key] as number) > (sizesA[key] as number)
      : (sizes[key] as number) > 1;
  const offsets = new Int32Array(keyCount);
  let total = 0;
  let blockCount = 0;
  let largestBlock = 0;
  let pairCount = 0;
  for (let key = 0; key < keyCount; key++) {
    offsets[key] = total;
    if (!useful(key)) continue;
    const size = sizes[key] as number;
    const sizeA = sizesA[key] as number;
    total += size;
    blockCount++;
    largestBlock = Math.max(largestBlock, size);
    pairCount += link ? sizeA * (size - sizeA) : (size * (size - 1)) / 2;
  }
  const order = sharedArray(Int32Array, total);
  const innerStart = sharedArray(Int32Array, total);
  const innerEnd = sharedArray(Int32Array, total);
  const fill = new Int32Array(keyCount);
  for (let r = 0; r < count; r++) {
    const key = keys[r] as number;
    if (key < 0 || !useful(key)) continue;
    order[(offsets[key] as number) + (fill[key] as number)] = r;
    fill[key] = (fill[key] as number) + 1;
  }
  for (let key = 0; key < keyCount; key++) {
    if (!useful(key)) continue;
    const start = offsets[key] as number;
    const end = start + (sizes[key] as number);
    const startB = start + (sizesA[key] as number);
    for (let p = start; p < end; p++) {
      innerStart[p] = link ? (p < startB ? startB : end) : p + 1;
      innerEnd[p] = end;
    }
  }
  return { order, innerStart, innerEnd, blockCount, largestBlock, pairCount };
}

/** A contiguous range of grouped positions: the unit of work handed to a worker. */
export interface Chunk {
  rule: number;
  from: number;
  to: number;
}

/** Cuts a rule's positions into chunks of about `pairsPerChunk` pairs, the same for any worker count. */
export function chunkBlocks(blocks: RuleBlocks, rule: number, pairsPerChunk: number): Chunk[] {
  const chunks: Chunk[] = [];
  let from = 0;
  let pairs = 0;
  for (let p = 0; p < blocks.order.length; p++) {
    pairs += (blocks.innerEnd[p] as number) - (blocks.innerStart[p] as number);
    if (pairs >= pairsPerChunk) {
      chunks.push({ rule, from, to: p + 1 });
      from = p + 1;
      pairs = 0;
    }
  }
  if (from < blocks.order.length) chunks.push({ rule, from, to: blocks.order.length });
  return chunks;
}

/**
 * Calls visit(i, j) for each pair of the chunk that no earlier rule produced: a pair belongs to
 * the first rule whose key it shares, so the union of rules counts each pair once.
 */
export function forEachPair(
  blocks: RuleBlocks,
  earlierKeys: readonly Int32Array[],
  from: number,
  to: number,
  visit: (i: number, j: number) => void,
): void {
  const { order, innerStart, innerEnd } = blocks;
  for (let p = from; p < to; p++) {
    const i = order[p] as number;
    const end = innerEnd[p] as number;
    for (let q = innerStart[p] as number; q < end; q++) {
      const j = order[q] as number;
      let seen = false;
      for (let k = 0; k < earlierKeys.length; k++) {
        const keys = earlierKeys[k] as Int32Array;
        const key = keys[i] as number;
        if (key >= 0 && key === keys[j]) {
          seen = true;
          break;
        }
      }
      if (!seen) visit(i, j);
    }
  }
}
