import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.ts';
import { explainPair } from '../explain.ts';
import { linkRecords } from '../link-records.ts';
import { prepareRecords } from '../prepare/records-builder.ts';
import { SMALL_SETTINGS, smallDistrict } from './fixtures.ts';

describe('dedupe on a small district', () => {
  const { records, truth } = smallDistrict(1500, 7);
  const prepared = prepareRecords(records);

  it('finds the second records with per-field explanations', async () => {
    const result = await linkRecords(prepared, SMALL_SETTINGS, { workers: 0, seed: 3 });
    const accuracy = evaluate(prepared, result.clusters.clusters, truth, result.scored.plan);
    expect(accuracy.blockingRecall).toBe(1);
    expect(accuracy.recall).toBeGreaterThan(0.95);
    expect(accuracy.precision).toBeGreaterThan(0.95);
    expect(result.model.training.sessions.every((session) => session.converged)).toBe(true);
    const explained = explainPair(prepared, result.scored, 0);
    expect(explained.fields.map((field) => field.field)).toEqual(
      SMALL_SETTINGS.fields.map((field) => field.name),
    );
    const total = explained.priorWeight + explained.fields.reduce((sum, field) => sum + field.weight, 0);
    expect(total).toBeCloseTo(explained.matchWeight, 4);
  });

  it('gives the same model, pairs and clusters for the same input and seed, on any number of threads', async () => {
    const one = await linkRecords(prepared, SMALL_SETTINGS, { workers: 0, seed: 5 });
    const again = await linkRecords(prepared, SMALL_SETTINGS, { workers: 0, seed: 5 });
    const threaded = await linkRecords(prepared, SMALL_SETTINGS, { workers: 2, seed: 5 });
    for (const other of [again, threaded]) {
      expect(JSON.stringify(other.model)).toBe(JSON.stringify(one.model));
      expect(other.scored.pairs).toEqual(one.scored.pairs);
      expect(other.clusters.clusters).toEqual(one.clusters.clusters);
    }
  });
});

describe('link mode', () => {
  it('links a second source to the first, only across the sources', async () => {
    const { records, truth } = smallDistrict(1500, 11);
    const seconds = new Set(truth.map(([, b]) => b));
    const registry = records.filter((record) => !seconds.has(record.id));
    const register = records.filter((record) => seconds.has(record.id));
    const prepared = prepareRecords(registry, register);
    const result = await linkRecords(prepared, SMALL_SETTINGS, { workers: 0, seed: 1 });
    const split = prepared.columns.split;
    for (let k = 0; k < result.scored.pairs.count; k++) {
      expect(result.scored.pairs.left[k] as number).toBeLessThan(split);
      expect(result.scored.pairs.right[k] as number).toBeGreaterThanOrEqual(split);
    }
    const accuracy = evaluate(prepared, result.clusters.clusters, truth, result.scored.plan);
    expect(accuracy.recall).toBeGreaterThan(0.95);
    expect(accuracy.precision).toBeGreaterThan(0.95);
  });
});
