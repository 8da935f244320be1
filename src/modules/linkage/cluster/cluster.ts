import type { PreparedRecords } from '../prepare/columns.ts';
import type { ScoredPairs } from '../score/score-pairs.ts';
import { logit2 } from '../score/weights.ts';
import type { PairDecision } from '../types.ts';
import { clusterId } from './cluster-id.ts';
import { UnionFind } from './union-find.ts';

export interface ClusterOptions {
  /** Match probability from which pairs join clusters; default the model's match threshold. */
  threshold?: number;
  /** People's decisions on pairs; they override the scores, in this and every later run. */
  decisions?: readonly PairDecision[];
}

export interface Cluster {
  id: string;
  /** Record indices, ascending. */
  members: number[];
}

export interface ClusterResult {
  /** Clusters of two or more records, ordered by their first member. */
  clusters: Cluster[];
  /** Per record: its cluster's index in `clusters`, or -1 when it is alone. */
  clusterOf: Int32Array;
  /** Indices (into the scored pairs) of undecided pairs in the review band, strongest first. */
  review: number[];
  /** "Same" decisions that could not be followed because they would join records decided "not same". */
  conflicts: PairDecision[];
  /** Decisions naming a record id that is not in the data. */
  unknown: PairDecision[];
}

/** How a record is named in cluster ids: in link mode the source is part of the name. */
export function recordKey(prepared: PreparedRecords, index: number): string {
  const { split, count } = prepared.columns;
  const id = prepared.ids[index] as string;
  if (split === count) return id;
  return index < split ? `A:${id}` : `B:${id}`;
}

function pairKey(i: number, j: number): string {
  return i < j ? `${i}:${j}` : `${j}:${i}`;
}

interface ResolvedDecisions {
  same: [number, number, PairDecision][];
  notSame: Set<string>;
  notSamePairs: [number, number][];
  unknown: PairDecision[];
}

function resolveDecisions(prepared: PreparedRecords, decisions: readonly PairDecision[]): ResolvedDecisions {
  const { split, count } = prepared.columns;
  const indexA = new Map<string, number>();
  const indexB = new Map<string, number>();
  prepared.ids.forEach((id, r) => {
    const index = r < split ? indexA : indexB;
    if (!index.has(id)) index.set(id, r);
  });
  const resolved: ResolvedDecisions = { same: [], notSame: new Set(), notSamePairs: [], unknown: [] };
  for (const decision of decisions) {
    const i = indexA.get(decision.a);
    const j = split < count ? indexB.get(decision.b) : indexA.get(decision.b);
    if (i === undefined || j === undefined || i === j) {
      resolved.unknown.push(decision);
    } else if (decision.same) {
      resolved.same.push([i, j, decision]);
    } else {
      resolved.notSame.add(pairKey(i, j));
      resolved.notSamePairs.push([i, j]);
    }
  }
  return resolved;
}

/**
 * Connected components of the pairs at or above the threshold, joined strongest first, where a
 * "not same" decision forbids any join that would put its two records in one cluster (so it splits
 * the cluster they would otherwise share) and a "same" decision joins its records first.
 */
export function cluster(
  prepared: PreparedRecords,
  scored: ScoredPairs,
  options: ClusterOptions = {},
): ClusterResult {
  const count = prepared.columns.count;
  const pairs = scored.pairs;
  const minWeight = logit2(options.threshold ?? scored.model.settings.matchThreshold);
  const reviewWeight = logit2(scored.model.settings.reviewThreshold);
  const decisions = resolveDecisions(prepared, options.decisions ?? []);
  const sets = new UnionFind(count);
  // Records each set must never join, kept on the set's root.
  const forbidden = new Map<number, number[]>();
  for (const [i, j] of decisions.notSamePairs) {
    forbidden.set(i, [...(forbidden.get(i) ?? []), j]);
    forbidden.set(j, [...(forbidden.get(j) ?? []), i]);
  }
  const join = (i: number, j: number): boolean => {
    const ri = sets.find(i);
    const rj = sets.find(j);
    if (ri === rj) return true;
    const fi = forbidden.get(ri) ?? [];
    const fj = forbidden.get(rj) ?? [];
    const [small, other] = fi.length <= fj.length ? [fi, rj] : [fj, ri];
    if (small.some((x) => sets.find(x) === other)) return false;
    const root = sets.union(ri, rj);
    if (fi.length + fj.length > 0) {
      forbidden.delete(ri);
      forbidden.delete(rj);
      forbidden.set(root, [...fi, ...fj]);
    }
    return true;
  };
  const conflicts: PairDecision[] = [];
  for (const [i, j, decision] of decisions.same) if (!join(i, j)) conflicts.push(decision);
  const decided = new Set([...decisions.notSame, ...decisions.same.map(([i, j]) => pairKey(i, j))]);
  const strong: number[] = [];
  const review: number[] = [];
  for (let k = 0; k < pairs.count; k++) {
    const weight = pairs.weight[k] as number;
    if (weight < reviewWeight) continue;
    const undecided =
      decided.size === 0 || !decided.has(pairKey(pairs.left[k] as number, pairs.right[k] as number));
    if (weight >= minWeight) {
      if (undecided) strong.push(k);
    } else if (undecided) {
      review.push(k);
    }
  }
  const byWeight = (a: number, b: number) =>
    (pairs.weight[b] as number) - (pairs.weight[a] as number) || a - b;
  strong.sort(byWeight);
  for (const k of strong) join(pairs.left[k] as number, pairs.right[k] as number);
  review.sort(byWeight);
  return { ...collect(prepared, sets), review, conflicts, unknown: decisions.unknown };
}

function collect(prepared: PreparedRecords, sets: UnionFind): Pick<ClusterResult, 'clusters' | 'clusterOf'> {
  const count = prepared.columns.count;
  const clusterOf = new Int32Array(count).fill(-1);
  const clusters: Cluster[] = [];
  const byRoot = new Map<number, number>();
  for (let r = 0; r < count; r++) {
    const root = sets.find(r);
    if ((sets.size[root] as number) < 2) continue;
    let index = byRoot.get(root);
    if (index === undefined) {
      index = clusters.length;
      byRoot.set(root, index);
      clusters.push({ id: '', members: [] });
    }
    (clusters[index] as Cluster).members.push(r);
    clusterOf[r] = index;
  }
  for (const c of clusters) c.id = clusterId(c.members.map((r) => recordKey(prepared, r)));
  return { clusters, clusterOf };
}
