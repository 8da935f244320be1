import { type BlockingPlan, blockedTogether } from './blocking/plan.ts';
import { UnionFind } from './cluster/union-find.ts';
import type { PreparedRecords } from './prepare/columns.ts';

/**
 * Accuracy against known true pairs (e.g. the demo generator's truth files). True pairs are
 * closed transitively (a=b and b=c make a=c), and predicted pairs are the pairs inside predicted
 * clusters; in link mode only pairs across the two sources count, and a true pair may name the
 * source B record first.
 */
export interface Accuracy {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of true pairs that some blocking rule made candidates. */
  blockingRecall: number;
  /** True pairs naming an id that is not in the data (left out of the figures). */
  unknownIds: number;
}

interface Groups {
  /** Per record: id of its true group. */
  groupOf: Int32Array;
  members: Map<number, number[]>;
}

function truthGroups(
  prepared: PreparedRecords,
  truth: readonly [string, string][],
): Groups & { unknownIds: number } {
  const { count, split } = prepared.columns;
  const indexA = new Map<string, number>();
  const indexB = new Map<string, number>();
  prepared.ids.forEach((id, r) => {
    (r < split ? indexA : indexB).set(id, r);
  });
  const sets = new UnionFind(count);
  let unknownIds = 0;
  const link = split < count;
  for (const [a, b] of truth) {
    // In link mode a truth file may list the pair either way round (register id first or last).
    const flip = link && !indexA.has(a) && indexA.has(b);
    const i = indexA.get(flip ? b : a);
    const j = (link ? indexB : indexA).get(flip ? a : b);
    if (i === undefined || j === undefined) unknownIds++;
    else sets.union(i, j);
  }
  const groupOf = new Int32Array(count);
  const members = new Map<number, number[]>();
  for (let r = 0; r < count; r++) {
    const root = sets.find(r);
    groupOf[r] = root;
    if ((sets.size[root] as number) > 1) pushTo(members, root, r);
  }
  return { groupOf, members, unknownIds };
}

function pushTo(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Pairs among `records` (across the sources in link mode), counted without listing them. */
function pairsAmong(records: readonly number[], split: number, link: boolean): number {
  if (!link) return (records.length * (records.length - 1)) / 2;
  const a = records.filter((r) => r < split).length;
  return a * (records.length - a);
}

export function evaluate(
  prepared: PreparedRecords,
  clusters: readonly { members: readonly number[] }[],
  truth: readonly [string, string][],
  plan: BlockingPlan,
): Accuracy {
  const { count, split } = prepared.columns;
  const link = split < count;
  const groups = truthGroups(prepared, truth);
  let truePairs = 0;
  let blocked = 0;
  for (const members of groups.members.values()) {
    truePairs += pairsAmong(members, split, link);
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x] as number;
        const j = members[y] as number;
        if (link && i < split === j < split) continue;
        if (blockedTogether(plan, i, j)) blocked++;
      }
    }
  }
  let predictedPairs = 0;
  let correctPairs = 0;
  for (const cluster of clusters) {
    predictedPairs += pairsAmong(cluster.members, split, link);
    const byGroup = new Map<number, number[]>();
    for (const r of cluster.members) {
      const group = groups.groupOf[r] as number;
      pushTo(byGroup, group, r);
    }
    for (const same of byGroup.values()) correctPairs += pairsAmong(same, split, link);
  }
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  return {
    truePairs,
    predictedPairs,
    correctPairs,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    blockingRecall: truePairs === 0 ? 1 : blocked / truePairs,
    unknownIds: groups.unknownIds,
  };
}
