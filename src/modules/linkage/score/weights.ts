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
  /** Fields in the order scoring compares them: the cheap ones first, names and texts last. */
  order: Int32Array;
  /** The most the fields after position k of `order` can still add (0 when a value is missing). */
  maxAfter: Float64Array;
}

const COSTLY_COLUMNS: ReadonlySet<string> = new Set(['name', 'mother_name', 'birth_place', 'address']);

export const log2 = Math.log2;

export function logit2(probability: number): number {
  return log2(probability / (1 - probability));
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

export function scoreWeights(model: LinkageModel): ScoreWeights {
  const levelWeights = model.fields.map((field) =>
    Float64Array.from(field.levels, (level) => log2(level.m / level.u)),
  );
  const tfU = model.fields.map((field, f) =>
    Float64Array.from(field.levels, (level, l) =>
      model.settings.fields[f]?.levels[l]?.termFrequency === true ? level.u : 0,
    ),
  );
  // A field's best case: its strongest level, a term-frequency level on the rarest value.
  const best = levelWeights.map((weights, f) =>
    weights.reduce((max, w, l) => {
      const u = (tfU[f] as Float64Array)[l] as number;
      return Math.max(max, u > 0 ? w + log2(u / model.tfFloor) : w);
    }, 0),
  );
  const costly = (f: number) => COSTLY_COLUMNS.has(model.settings.fields[f]?.column ?? '');
  const fields = model.fields.map((_, f) => f);
  const order = Int32Array.from([...fields.filter((f) => !costly(f)), ...fields.filter(costly)]);
  const maxAfter = new Float64Array(order.length);
  for (let k = order.length - 2; k >= 0; k--) {
    maxAfter[k] = (maxAfter[k + 1] as number) + (best[order[k + 1] as number] as number);
  }
  return { priorWeight: logit2(model.prior), levelWeights, tfU, tfFloor: model.tfFloor, order, maxAfter };
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
