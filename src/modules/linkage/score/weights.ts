import type { LinkageModel } from '../model.ts';

/**
 * A model turned into the numbers scoring needs: the prior's log-odds and each level's match
 * weight log2(m/u) (Fellegi-Sunter), plus u for levels adjusted by term frequency.
 */
export interface ScoreWeights {
  priorWeight: number;
  /** Per field, per level. */
  levelWeights: Float64Array[];
  /** Per field, per level: u when the level is adjusted by term frequency, else 0. */
  tfU: Float64Array[];
  /** Frequencies below this count as this (a value seen once is not infinitely telling). */
  tfFloor: number;
}

export const log2 = Math.log2;

export function logit2(probability: number): number {
  return log2(probability / (1 - probability));
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

export function scoreWeights(model: LinkageModel): ScoreWeights {
  return {
    priorWeight: logit2(model.prior),
    levelWeights: model.fields.map((field) =>
      Float64Array.from(field.levels, (level) => log2(level.m / level.u)),
    ),
    tfU: model.fields.map((field, f) =>
      Float64Array.from(field.levels, (level, l) =>
        model.settings.fields[f]?.levels[l]?.termFrequency === true ? level.u : 0,
      ),
    ),
    tfFloor: model.tfFloor,
  };
}

/**
 * The weight of a pair's level on field f; for term-frequency levels adjusted by how common the
 * shared value is: log2(u / frequency), more for a rare name, less for SRI or SLAMET.
 */
export function fieldWeight(
  weights: ScoreWeights,
  f: number,
  level: number,
  frequency: ((i: number, j: number) => number) | undefined,
  i: number,
  j: number,
): number {
  if (level < 0) return 0;
  const base = (weights.levelWeights[f] as Float64Array)[level] as number;
  const u = (weights.tfU[f] as Float64Array)[level] as number;
  if (u === 0 || frequency === undefined) return base;
  return base + log2(u / Math.max(frequency(i, j), weights.tfFloor));
}
