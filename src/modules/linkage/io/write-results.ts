import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import type { ClusterResult } from '../cluster/cluster.ts';
import type { PreparedRecords } from '../prepare/columns.ts';
import type { ScoredPairs } from '../score/score-pairs.ts';
import { logit2, probabilityOf } from '../score/weights.ts';

const ROWS_PER_WRITE = 10_000;

/** Writes rows to `path` through a temporary file renamed at the end: never a half-written file. */
async function writeCsv(path: string, header: string[], rows: Iterable<(string | number)[]>): Promise<void> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  let batch: (string | number)[][] = [header];
  const flush = async () => {
    if (!out.write(stringify(batch))) await once(out, 'drain');
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= ROWS_PER_WRITE) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  await rename(partial, path);
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/**
 * Scored pairs, strongest first: ids, probability, match weight, status (match or review),
 * whether each name carried Alm./Almh., and each field's level and weight.
 */
export async function writePairs(
  path: string,
  prepared: PreparedRecords,
  scored: ScoredPairs,
): Promise<void> {
  const { pairs, model } = scored;
  const matchWeight = logit2(model.settings.matchThreshold);
  const order = Array.from({ length: pairs.count }, (_, k) => k).sort(
    (a, b) => (pairs.weight[b] as number) - (pairs.weight[a] as number) || a - b,
  );
  const header = ['id_a', 'id_b', 'probability', 'match_weight', 'status', 'death_hint_a', 'death_hint_b'];
  for (const field of model.fields) header.push(`${field.name}_level`, `${field.name}_weight`);
  function* rows() {
    for (const k of order) {
      const weight = pairs.weight[k] as number;
      const row: (string | number)[] = [
        prepared.ids[pairs.left[k] as number] as string,
        prepared.ids[pairs.right[k] as number] as string,
        round(probabilityOf(weight), 6),
        round(weight, 3),
        weight >= matchWeight ? 'match' : 'review',
        prepared.columns.deathHint[pairs.left[k] as number] as number,
        prepared.columns.deathHint[pairs.right[k] as number] as number,
      ];
      model.fields.forEach((field, f) => {
        const level = pairs.levels[k * pairs.fieldCount + f] as number;
        row.push(
          level < 0 ? 'missing' : (field.levels[level]?.label ?? ''),
          round(pairs.fieldWeights[k * pairs.fieldCount + f] as number, 3),
        );
      });
      yield row;
    }
  }
  await writeCsv(path, header, rows());
}

/** Clusters of two or more records: cluster id, size, (source in link mode,) record id. */
export async function writeClusters(
  path: string,
  prepared: PreparedRecords,
  result: ClusterResult,
): Promise<void> {
  const { split, count } = prepared.columns;
  const link = split < count;
  const header = link ? ['cluster_id', 'cluster_size', 'source', 'id'] : ['cluster_id', 'cluster_size', 'id'];
  function* rows() {
    for (const cluster of result.clusters) {
      for (const r of cluster.members) {
        const id = prepared.ids[r] as string;
        yield link
          ? [cluster.id, cluster.members.length, r < split ? 'A' : 'B', id]
          : [cluster.id, cluster.members.length, id];
      }
    }
  }
  await writeCsv(path, header, rows());
}
