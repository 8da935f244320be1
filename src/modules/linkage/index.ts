/**
 * Probabilistic record linkage of Indonesian person records (Fellegi-Sunter), pure TypeScript
 * with no database. docs/linkage.md describes the engine, its settings and its measured figures.
 *
 *   const prepared = prepareRecords(records);              // or prepareRecords(sourceA, sourceB)
 *   const model = await trainModel(prepared, PERSON_SETTINGS, { seed: 1 });
 *   const scored = await scorePairs(prepared, model);
 *   const result = cluster(prepared, scored, { decisions });
 *   const explained = explainPair(prepared, scored, 0);   // per-field levels and weights
 */
export {
  type Cluster,
  type ClusterOptions,
  type ClusterResult,
  cluster,
  recordKey,
} from './cluster/cluster.ts';
export { type Accuracy, evaluate } from './evaluate.ts';
export { explainPair, type FieldExplanation, type PairExplanation } from './explain.ts';
export { type LinkResult, linkRecords } from './link-records.ts';
export type { FieldModel, LevelModel, LinkageModel, TrainingReport } from './model.ts';
export type { Executor } from './parallel/executor.ts';
export { defaultWorkerCount, openExecutor } from './parallel/pool.ts';
export { PERSON_SETTINGS } from './person-settings.ts';
export type { PreparedRecords } from './prepare/columns.ts';
export { prepareRecords, RecordsBuilder } from './prepare/records-builder.ts';
export type { PairColumns } from './score/pair-buffer.ts';
export { type BlockingRuleStats, type ScoredPairs, scorePairs } from './score/score-pairs.ts';
export { probabilityOf } from './score/weights.ts';
export {
  BLOCKING_KEYS,
  type BlockingKey,
  type BlockingRule,
  type ColumnName,
  type FieldSettings,
  LEVEL_KINDS,
  type LevelKind,
  type LevelSettings,
  type LinkageSettings,
  SettingsError,
  validateSettings,
} from './settings.ts';
export { type NormalisedName, normaliseName } from './text/normalise-name.ts';
export { type RunOptions, trainModel } from './train/train-model.ts';
export {
  type LinkMode,
  type PairDecision,
  PERSON_FIELDS,
  type PersonField,
  type PersonRecord,
} from './types.ts';
