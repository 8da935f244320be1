import { forEachPair, type RuleBlocks } from '../blocking/blocks.ts';
import type { Comparator } from '../compare/comparator.ts';
import { type CompiledFields, patternOf } from '../compare/compile.ts';
import type { RecordColumns } from '../prepare/columns.ts';
import { createRandom, hash32 } from '../random.ts';
import { PairBuffer, type PairColumns } from '../score/pair-buffer.ts';
import { fieldWeight, type ScoreWeights } from '../score/weights.ts';
import { type Histogram, type PackedHistogram, packHistogram } from '../train/histogram.ts';

/**
 * The units of work of a linkage run. Each is a pure function of the prepared records and its
 * own parameters, so running them on one thread or many gives the same results.
 */
export type Task =
  | { kind: 'sampleU'; seed: number; pairs: number }
  | { kind: 'patterns'; blocks: RuleBlocks; from: number; to: number; fraction: number; seed: number }
  | {
      kind: 'score';
      blocks: RuleBlocks;
      earlierKeys: Int32Array[];
      from: number;
      to: number;
      weights: ScoreWeights;
      minWeight: number;
    };

export interface ScoreResult {
  pairs: PairColumns;
  compared: number;
}

export type TaskResult = PackedHistogram | ScoreResult;

export interface TaskContext {
  columns: RecordColumns;
  fields: CompiledFields;
}

function add(histogram: Histogram, pattern: number): void {
  histogram.set(pattern, (histogram.get(pattern) ?? 0) + 1);
}

/** Random pairs (across the sources in link mode) for estimating u. */
function sampleU(context: TaskContext, seed: number, pairs: number): PackedHistogram {
  const { count, split } = context.columns;
  const random = createRandom(seed);
  const histogram: Histogram = new Map();
  const link = split < count;
  for (let k = 0; k < pairs; k++) {
    let i: number;
    let j: number;
    if (link) {
      i = Math.floor(random() * split);
      j = split + Math.floor(random() * (count - split));
    } else {
      i = Math.floor(random() * count);
      j = Math.floor(random() * (count - 1));
      if (j >= i) j++;
    }
    add(histogram, patternOf(context.fields, i, j));
  }
  return packHistogram(histogram);
}

/** Patterns of a sample of a training rule's pairs: a position's pairs are taken with `fraction`. */
function trainingPatterns(context: TaskContext, task: Extract<Task, { kind: 'patterns' }>): PackedHistogram {
  const histogram: Histogram = new Map();
  const { order, innerStart, innerEnd } = task.blocks;
  const limit = task.fraction * 4294967296;
  for (let p = task.from; p < task.to; p++) {
    if (task.fraction < 1 && hash32(p, task.seed) >= limit) continue;
    const i = order[p] as number;
    for (let q = innerStart[p] as number; q < (innerEnd[p] as number); q++) {
      add(histogram, patternOf(context.fields, i, order[q] as number));
    }
  }
  return packHistogram(histogram);
}

function score(context: TaskContext, task: Extract<Task, { kind: 'score' }>): ScoreResult {
  const { comparators, frequencies } = context.fields;
  const fieldCount = comparators.length;
  const buffer = new PairBuffer(fieldCount);
  const levels = new Int8Array(fieldCount);
  const weights = new Float64Array(fieldCount);
  const { order, maxAfter } = task.weights;
  let compared = 0;
  forEachPair(task.blocks, task.earlierKeys, task.from, task.to, (i, j) => {
    compared++;
    let total = task.weights.priorWeight;
    for (let k = 0; k < fieldCount; k++) {
      const f = order[k] as number;
      const level = (comparators[f] as Comparator)(i, j);
      const weight = fieldWeight(task.weights, f, level, frequencies[f], i, j);
      levels[f] = level;
      weights[f] = weight;
      total += weight;
      // Most candidates are clearly different people: stop once the review band is out of reach.
      if (total + (maxAfter[k] as number) < task.minWeight) return;
    }
    buffer.push(i, j, total, levels, weights);
  });
  return { pairs: buffer.finish(), compared };
}

export function runTask(context: TaskContext, task: Task): TaskResult {
  switch (task.kind) {
    case 'sampleU':
      return sampleU(context, task.seed, task.pairs);
    case 'patterns':
      return trainingPatterns(context, task);
    case 'score':
      return score(context, task);
  }
}
