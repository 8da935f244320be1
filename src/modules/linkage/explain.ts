import type { PreparedRecords } from './prepare/columns.ts';
import type { ScoredPairs } from './score/score-pairs.ts';
import { probabilityOf } from './score/weights.ts';

/** One field's part in a pair's score, as shown to the operator who confirms the pair. */
export interface FieldExplanation {
  field: string;
  /** The level's label, or `missing` when either record lacks the value. */
  level: string;
  /** Match weight in bits (log2 of the likelihood ratio), term-frequency adjustment included. */
  weight: number;
}

export interface PairExplanation {
  /** Record ids; in link mode `a` is from source A and `b` from source B. */
  a: string;
  b: string;
  matchWeight: number;
  probability: number;
  /** The prior's weight: what the pair starts from before any field is compared. */
  priorWeight: number;
  fields: FieldExplanation[];
  /** Whether each record's name carried Alm./Almh. (the source says the person has died). */
  deathHint: { a: boolean; b: boolean };
}

/** The k-th scored pair with its per-field levels and weights. */
export function explainPair(prepared: PreparedRecords, scored: ScoredPairs, k: number): PairExplanation {
  const { pairs, model } = scored;
  const fieldCount = pairs.fieldCount;
  const weight = pairs.weight[k] as number;
  let fieldTotal = 0;
  const fields = model.fields.map((field, f) => {
    const level = pairs.levels[k * fieldCount + f] as number;
    const fieldWeight = pairs.fieldWeights[k * fieldCount + f] as number;
    fieldTotal += fieldWeight;
    return {
      field: field.name,
      level: level < 0 ? 'missing' : (field.levels[level]?.label ?? ''),
      weight: fieldWeight,
    };
  });
  return {
    a: prepared.ids[pairs.left[k] as number] as string,
    b: prepared.ids[pairs.right[k] as number] as string,
    matchWeight: weight,
    probability: probabilityOf(weight),
    priorWeight: weight - fieldTotal,
    fields,
    deathHint: {
      a: prepared.columns.deathHint[pairs.left[k] as number] === 1,
      b: prepared.columns.deathHint[pairs.right[k] as number] === 1,
    },
  };
}
