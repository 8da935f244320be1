import { type ClusterOptions, type ClusterResult, cluster } from './cluster/cluster.ts';
import type { LinkageModel } from './model.ts';
import { defaultWorkerCount, openExecutor } from './parallel/pool.ts';
import type { PreparedRecords } from './prepare/columns.ts';
import { type ScoredPairs, scorePairs } from './score/score-pairs.ts';
import type { LinkageSettings } from './settings.ts';
import { type RunOptions, trainModel } from './train/train-model.ts';

export interface LinkResult {
  model: LinkageModel;
  scored: ScoredPairs;
  clusters: ClusterResult;
  /** Milliseconds spent training, scoring and clustering. */
  timings: { train: number; score: number; cluster: number };
}

/** Trains, scores and clusters in one go, with one pool of worker threads for both phases. */
export async function linkRecords(
  prepared: PreparedRecords,
  settings: LinkageSettings,
  options: RunOptions & ClusterOptions = {},
): Promise<LinkResult> {
  const executor =
    options.executor ?? openExecutor(prepared.columns, settings, options.workers ?? defaultWorkerCount());
  try {
    const started = performance.now();
    const model = await trainModel(prepared, settings, { ...options, executor });
    const trained = performance.now();
    const scored = await scorePairs(prepared, model, { ...options, executor });
    const scoredAt = performance.now();
    const clusters = cluster(prepared, scored, options);
    return {
      model,
      scored,
      clusters,
      timings: { train: trained - started, score: scoredAt - trained, cluster: performance.now() - scoredAt },
    };
  } finally {
    if (options.executor === undefined) await executor.close();
  }
}
