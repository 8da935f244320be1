import { describe, expect, it } from 'vitest';
import { compileFields } from '../compare/compile.ts';
import type { LinkageModel } from '../model.ts';
import { PERSON_SETTINGS } from '../person-settings.ts';
import { prepareRecords } from '../prepare/records-builder.ts';
import type { LinkageSettings } from '../settings.ts';
import { fieldWeight, scoreWeights } from './weights.ts';

const MOTHER_ONLY: LinkageSettings = {
  ...PERSON_SETTINGS,
  fields: PERSON_SETTINGS.fields.filter((field) => field.column === 'mother_name'),
};

function model(settings: LinkageSettings): LinkageModel {
  return {
    settings,
    prior: 1e-6,
    tfFloor: 1e-3,
    fields: settings.fields.map((field) => ({
      name: field.name,
      levels: field.levels.map((level) => ({ label: level.label, m: 0.25, u: 0.01 })),
    })),
    training: {
      seed: 1,
      notEstimated: [],
      uSampledPairs: 0,
      deterministicPairs: 0,
      totalPairs: 0,
      sessions: [],
    },
  };
}

describe("the mother's name weight", () => {
  it('is larger for a rare name than for a common one', () => {
    const records = [
      ...Array.from({ length: 40 }, (_, r) => ({ id: `c${r}`, mother_name: 'Painem' })),
      { id: 'r1', mother_name: 'Sriyatun Kinasih' },
      { id: 'r2', mother_name: 'Kinasih Sriyatun' },
    ];
    const prepared = prepareRecords(records);
    const fields = compileFields(prepared.columns, MOTHER_ONLY);
    const weights = scoreWeights(model(MOTHER_ONLY));
    const weightOf = (i: number, j: number) =>
      fieldWeight(weights, 0, fields.comparators[0]?.(i, j) as number, fields.frequencies[0], i, j);
    // Painem: 40 of 42 records; the rare name: 2 of 42, the same up to word order.
    expect(weightOf(0, 1)).toBeCloseTo(Math.log2(0.25 / (40 / 42)), 6);
    expect(weightOf(40, 41)).toBeCloseTo(Math.log2(0.25 / (2 / 42)), 6);
  });
});
