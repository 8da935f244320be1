import type { LinkageSettings } from './settings.ts';

/** A trained model: JSON-serialisable, so that it can be stored and reused on new data. */
export interface LinkageModel {
  settings: LinkageSettings;
  /** Probability that two random records (of the two sources, in link mode) are the same person. */
  prior: number;
  /** Term frequencies below this are taken as this when adjusting weights. */
  tfFloor: number;
  fields: FieldModel[];
  training: TrainingReport;
}

export interface FieldModel {
  name: string;
  levels: LevelModel[];
}

export interface LevelModel {
  label: string;
  /** P(level | same person), from EM. */
  m: number;
  /** P(level | different people), from random pairs. */
  u: number;
}

export interface TrainingReport {
  seed: number;
  /** Fields no session had pairs to estimate (too few records with the value): weight 0. */
  notEstimated: string[];
  uSampledPairs: number;
  /** Pairs the deterministic rules agree on, before dividing by their assumed recall. */
  deterministicPairs: number;
  totalPairs: number;
  sessions: {
    rule: string;
    pairs: number;
    iterations: number;
    converged: boolean;
    lambda: number;
    /** Fields whose m this session estimated. */
    estimated: string[];
  }[];
}
