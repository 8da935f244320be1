import { chunkBlocks, forEachPair } from '../blocking/blocks.ts';
import { planBlocking } from '../blocking/plan.ts';
import { levelsOfPattern } from '../compare/compile.ts';
import type { LinkageModel } from '../model.ts';
import type { Executor } from '../parallel/executor.ts';
import { defaultWorkerCount, openExecutor } from '../parallel/pool.ts';
import type { PreparedRecords, RecordColumns } from '../prepare/columns.ts';
import { hash32 } from '../random.ts';
import { type LinkageSettings, ruleColumns, validateSettings } from '../settings.ts';
import { conditionalU } from './conditional-u.ts';
import { runEm } from './em.ts';
import { levelShares, mergeHistograms, type PackedHistogram } from './histogram.ts';

export interface RunOptions {
  /** Seed of every random choice (u sampling, training samples). Default 1. */
  seed?: number;
  /** Worker threads; default: one per core; 0 runs on the calling thread. */
  workers?: number;
  /** An executor to reuse across training and scoring (then `workers` is ignored). */
  executor?: Executor;
  onProgress?: (phase: string, done: number, total: number) => void;
}

const U_PAIRS_PER_TASK = 100_000;
const TRAINING_PAIRS_PER_TASK = 200_000;
const MIN_SESSION_PAIRS = 100;

/** A decreasing start for m: the first (strongest) level most likely among matches. */
function mStart(levelCount: number): number[] {
  const raw = Array.from({ length: levelCount }, (_, l) => 2 ** (levelCount - 1 - l));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => r / sum);
}

function totalPairs(columns: RecordColumns): number {
  const { count, split } = columns;
  return split < count ? split * (count - split) : (count * (count - 1)) / 2;
}

/** Pairs that some deterministic rule agrees on, each counted once. */
function deterministicPairs(columns: RecordColumns, settings: LinkageSettings): number {
  const plan = planBlocking(columns, settings.deterministicRules);
  let pairs = 0;
  plan.blocks.forEach((blocks, r) => {
    forEachPair(blocks, plan.keys.slice(0, r), 0, blocks.order.length, () => {
      pairs++;
    });
  });
  return pairs;
}

async function estimateU(executor: Executor, settings: LinkageSettings, seed: number, options: RunOptions) {
  const tasks = [];
  for (let done = 0, t = 0; done < settings.uSampleSize; done += U_PAIRS_PER_TASK, t++) {
    tasks.push({
      kind: 'sampleU' as const,
      seed: hash32(seed, t),
      pairs: Math.min(U_PAIRS_PER_TASK, settings.uSampleSize - done),
    });
  }
  const results = await executor.run(tasks, (d, n) => options.onProgress?.('u sampling', d, n));
  return mergeHistograms(results as PackedHistogram[]);
}

/**
 * Trains a Fellegi-Sunter model: u from random pairs, the prior from the deterministic rules,
 * m by EM in one session per training rule, each field from the first session that can estimate
 * it, with the fields known from earlier sessions held fixed as anchors.
 */
export async function trainModel(
  prepared: PreparedRecords,
  settings: LinkageSettings,
  options: RunOptions = {},
): Promise<LinkageModel> {
  validateSettings(settings);
  const columns = prepared.columns;
  const seed = options.seed ?? 1;
  const executor =
    options.executor ?? openExecutor(columns, settings, options.workers ?? defaultWorkerCount());
  try {
    const levelCounts = settings.fields.map((field) => field.levels.length);
    const u = await conditionalU(
      executor,
      columns,
      settings,
      seed,
      levelShares(await estimateU(executor, settings, seed, options), levelCounts),
      options,
    );
    const sure = deterministicPairs(columns, settings);
    const total = totalPairs(columns);
    const prior = Math.min(0.5, Math.max(1 / total, sure / settings.deterministicRecall / total));
    // m per field, from the first session that could estimate it.
    const known: (number[] | undefined)[] = levelCounts.map(() => undefined);
    const sessions: LinkageModel['training']['sessions'] = [];
    const plan = planBlocking(columns, settings.trainingRules);
    for (let r = 0; r < settings.trainingRules.length; r++) {
      const rule = settings.trainingRules[r] as LinkageSettings['trainingRules'][number];
      const blocks = plan.blocks[r] as (typeof plan.blocks)[number];
      const excluded = new Set(
        settings.fields.flatMap((field, f) => (ruleColumns(rule).has(field.column) ? [f] : [])),
      );
      const fixed = new Set(
        levelCounts.flatMap((_, f) => (known[f] !== undefined && !excluded.has(f) ? [f] : [])),
      );
      if (excluded.size + fixed.size === levelCounts.length) continue;
      const fraction = Math.min(1, settings.trainingPairLimit / Math.max(1, blocks.pairCount));
      const tasks = chunkBlocks(blocks, r, TRAINING_PAIRS_PER_TASK / fraction).map((chunk) => ({
        kind: 'patterns' as const,
        blocks,
        from: chunk.from,
        to: chunk.to,
        fraction,
        seed: hash32(seed, r + 1000),
      }));
      const histogram = mergeHistograms(
        (await executor.run(tasks, (d, n) =>
          options.onProgress?.(`training on ${rule.name}`, d, n),
        )) as PackedHistogram[],
      );
      const result = runEm({
        histogram,
        levelCounts,
        u,
        mStart: levelCounts.map((count, f) => known[f] ?? mStart(count)),
        excluded,
        fixed,
        lambdaStart: 0.05,
        maxIterations: settings.emMaxIterations,
        tolerance: settings.emTolerance,
      });
      let pairs = 0;
      for (const count of histogram.values()) pairs += count;
      // A field counts as estimated only where enough pairs had its value on both sides (a source
      // without KK says nothing about KK): otherwise a later session estimates it.
      const observed = levelCounts.map(() => 0);
      for (const [pattern, count] of histogram) {
        levelsOfPattern(levelCounts, pattern).forEach((level, f) => {
          if (level >= 0) observed[f] = (observed[f] as number) + count;
        });
      }
      const estimated = levelCounts.flatMap((_, f) =>
        excluded.has(f) || fixed.has(f) || (observed[f] as number) < MIN_SESSION_PAIRS ? [] : [f],
      );
      for (const f of estimated) known[f] = result.m[f];
      sessions.push({
        rule: rule.name,
        pairs,
        iterations: result.iterations,
        converged: result.converged,
        lambda: result.lambda,
        estimated: estimated.map((f) => settings.fields[f]?.name ?? ''),
      });
    }
    return {
      settings,
      prior,
      tfFloor: 1 / Math.max(1, columns.count),
      fields: settings.fields.map((field, f) => ({
        name: field.name,
        levels: field.levels.map((level, l) => ({
          label: level.label,
          // A field no session could estimate gets m = u: weight 0, it does not sway any pair.
          m: known[f]?.[l] ?? ((u[f] as number[])[l] as number),
          u: (u[f] as number[])[l] as number,
        })),
      })),
      training: {
        seed,
        notEstimated: settings.fields.flatMap((field, f) => (known[f] === undefined ? [field.name] : [])),
        uSampledPairs: settings.uSampleSize,
        deterministicPairs: sure,
        totalPairs: total,
        sessions,
      },
    };
  } finally {
    if (options.executor === undefined) await executor.close();
  }
}
