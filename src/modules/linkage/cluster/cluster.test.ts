import { describe, expect, it } from 'vitest';
import { PERSON_SETTINGS } from '../person-settings.ts';
import { prepareRecords } from '../prepare/records-builder.ts';
import { PairBuffer } from '../score/pair-buffer.ts';
import type { ScoredPairs } from '../score/score-pairs.ts';
import { logit2 } from '../score/weights.ts';
import type { PairDecision } from '../types.ts';
import { cluster } from './cluster.ts';

const prepared = prepareRecords(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, name: id })));

/** Scored pairs with the given probabilities (match threshold 0.9, review from 0.5). */
function scored(pairs: [number, number, number][]): ScoredPairs {
  const buffer = new PairBuffer(0);
  for (const [i, j, p] of pairs) buffer.push(i, j, logit2(p), [], []);
  return {
    model: {
      settings: { ...PERSON_SETTINGS, matchThreshold: 0.9, reviewThreshold: 0.5 },
      prior: 0.001,
      tfFloor: 0,
      fields: [],
      training: {
        seed: 1,
        notEstimated: [],
        uSampledPairs: 0,
        deterministicPairs: 0,
        totalPairs: 15,
        sessions: [],
      },
    },
    pairs: buffer.finish(),
    blocking: [],
    compared: pairs.length,
    plan: { rules: [], keys: [], blocks: [] },
  };
}

function membership(pairs: [number, number, number][], decisions: PairDecision[] = []): string[][] {
  return cluster(prepared, scored(pairs), { decisions }).clusters.map((c) =>
    c.members.map((r) => prepared.ids[r] as string),
  );
}

describe('cluster', () => {
  const chain: [number, number, number][] = [
    [0, 1, 0.99],
    [1, 2, 0.95],
    [3, 4, 0.97],
    [4, 5, 0.7],
  ];

  it('joins pairs above the threshold into connected components and lists the review band', () => {
    const result = cluster(prepared, scored(chain));
    expect(result.clusters.map((c) => c.members)).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    expect(result.review).toEqual([3]);
    expect(result.clusterOf[5]).toBe(-1);
  });

  it('splits a cluster on a "not same" decision, keeping the stronger links', () => {
    expect(membership(chain, [{ a: 'a', b: 'c', same: false }])).toEqual([
      ['a', 'b'],
      ['d', 'e'],
    ]);
    expect(membership(chain, [{ a: 'b', b: 'a', same: false }])).toEqual([
      ['b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('joins on a "same" decision whatever the score, and drops decided pairs from review', () => {
    const result = cluster(prepared, scored(chain), { decisions: [{ a: 'e', b: 'f', same: true }] });
    expect(result.clusters.map((c) => c.members)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(result.review).toEqual([]);
  });

  it('reports a "same" that contradicts a "not same", and unknown ids', () => {
    const decisions = [
      { a: 'a', b: 'c', same: false },
      { a: 'a', b: 'c', same: true },
      { a: 'a', b: 'zz', same: true },
    ];
    const result = cluster(prepared, scored(chain), { decisions });
    expect(result.conflicts).toEqual([decisions[1]]);
    expect(result.unknown).toEqual([decisions[2]]);
  });

  it('keeps cluster ids while membership stays, and changes them when it changes', () => {
    const first = cluster(prepared, scored(chain)).clusters;
    const reordered = cluster(prepared, scored([...chain].reverse())).clusters;
    expect(reordered.map((c) => c.id)).toEqual(first.map((c) => c.id));
    const split = cluster(prepared, scored(chain), { decisions: [{ a: 'a', b: 'c', same: false }] }).clusters;
    expect(split[1]?.id).toBe(first[1]?.id);
    expect(split[0]?.id).not.toBe(first[0]?.id);
  });
});
