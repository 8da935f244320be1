import { chunkBlocks } from '../blocking/blocks.ts';
import { type BlockingPlan, planBlocking } from '../blocking/plan.ts';
import type { LinkageModel } from '../model.ts';
import { defaultWorkerCount, openExecutor } from '../parallel/pool.ts';
import type { ScoreResult } from '../parallel/tasks.ts';
import type { PreparedRecords } from '../prepare/columns.ts';
import type { RunOptions } from '../train/train-model.ts';
import { concatPairs, type PairColumns } from './pair-buffer.ts';
import { logit2, scoreWeights } from './weights.ts';

/** What blocking produced, per rule, for operators to judge the rules by. */
export interface BlockingRuleStats {
  rule: string;
  blocks: number;
  largestBlock: number;
  /** Pairs the rule's blocks hold. */
  pairs: number;
  /** Of those, pairs first produced by this rule and therefore compared. */
  compared: number;
}

export interface ScoredPairs {
  model: LinkageModel;
  /** Pairs at or above the review threshold, in a deterministic order. */
  pairs: PairColumns;
  blocking: BlockingRuleStats[];
  /** Candidate pairs compared in all (the union of the rules). */
  compared: number;
  /** The blocking keys, for measuring blocking recall against known true pairs. */
  plan: BlockingPlan;
}

const SCORE_PAIRS_PER_TASK = 250_000;

/**
 * Scores every candidate pair of the blocking rules and keeps those at or above the review
 * threshold with their per-field levels and weights. Pairs are enumerated block by block in the
 * workers and never all held: memory grows with the records and the kept pairs.
 */
export async function scorePairs(
  prepared: PreparedRecords,
  model: LinkageModel,
  options: RunOptions = {},
): Promise<ScoredPairs> {
  const { settings } = model;
  const columns = prepared.columns;
  const executor =
    options.executor ?? openExecutor(columns, settings, options.workers ?? defaultWorkerCount());
  try {
    const plan = planBlocking(columns, settings.blockingRules);
    const weights = scoreWeights(model);
    const minWeight = logit2(settings.reviewThreshold);
    const tasks = plan.blocks.flatMap((blocks, r) =>
      chunkBlocks(blocks, r, SCORE_PAIRS_PER_TASK).map((chunk) => ({
        kind: 'score' as const,
        blocks,
        earlierKeys: plan.keys.slice(0, r),
        from: chunk.from,
        to: chunk.to,
        weights,
        minWeight,
      })),
    );
    const results = (await executor.run(tasks, (d, n) =>
      options.onProgress?.('scoring', d, n),
    )) as ScoreResult[];
    const compared = plan.rules.map(() => 0);
    tasks.forEach((task, t) => {
      const rule = plan.blocks.indexOf(task.blocks);
      compared[rule] = (compared[rule] as number) + (results[t] as ScoreResult).compared;
    });
    return {
      model,
      pairs: concatPairs(
        results.map((result) => result.pairs),
        settings.fields.length,
      ),
      blocking: plan.rules.map((rule, r) => ({
        rule: rule.name,
        blocks: plan.blocks[r]?.blockCount ?? 0,
        largestBlock: plan.blocks[r]?.largestBlock ?? 0,
        pairs: plan.blocks[r]?.pairCount ?? 0,
        compared: compared[r] as number,
      })),
      compared: compared.reduce((a, b) => a + b, 0),
      plan,
    };
  } finally {
    if (options.executor === undefined) await executor.close();
  }
}
