import { chunkBlocks } from '../blocking/blocks.ts';
import { planBlocking } from '../blocking/plan.ts';
import type { Executor } from '../parallel/executor.ts';
import type { RecordColumns } from '../prepare/columns.ts';
import { hash32 } from '../random.ts';
import type { BlockingKey, LevelKind, LinkageSettings } from '../settings.ts';
import { levelShares, mergeHistograms, type PackedHistogram } from './histogram.ts';
import type { RunOptions } from './train-model.ts';

/**
 * Level kinds that hold only for pairs agreeing on a blocking key, and so are measured among
 * such pairs. The NIK typo levels need the two records' birth dates to agree; among
 * different people born on the same day NIKs one digit apart are common (serials count from 0001
 * per kecamatan and day), among random pairs they are almost never seen. u from random pairs
 * (about 1e-6 at 750,000 people, the smoothing floor) counted the shared birth date a second time,
 * which the birth date field already counts: the level weighed 16.8 bits where the NIK, given
 * the date, says 9.7.
 */
const CONDITIONS: Partial<Record<LevelKind, BlockingKey>> = {
  birth_segment_mistyped: 'birth_date',
  region_mistyped: 'birth_date',
};

const PAIRS_PER_TASK = 200_000;

/**
 * Replaces the random-pair u of every conditional level by its share among a seeded sample of
 * pairs sharing the level's key (at most `uSampleSize` pairs). The sample holds the few true
 * pairs that share the key too, so the estimate errs towards a larger u: a smaller weight.
 */
export async function conditionalU(
  executor: Executor,
  columns: RecordColumns,
  settings: LinkageSettings,
  seed: number,
  u: number[][],
  options: RunOptions,
): Promise<number[][]> {
  const levelCounts = settings.fields.map((field) => field.levels.length);
  const keys = [
    ...new Set(settings.fields.flatMap((field) => field.levels.flatMap((l) => CONDITIONS[l.kind] ?? []))),
  ];
  const out = u.map((row) => [...row]);
  for (const [k, key] of keys.entries()) {
    const blocks = planBlocking(columns, [{ name: key, keys: [key] }]).blocks[0];
    if (blocks === undefined || blocks.pairCount === 0) continue;
    const fraction = Math.min(1, settings.uSampleSize / blocks.pairCount);
    const tasks = chunkBlocks(blocks, 0, PAIRS_PER_TASK / fraction).map((chunk) => ({
      kind: 'patterns' as const,
      blocks,
      from: chunk.from,
      to: chunk.to,
      fraction,
      seed: hash32(seed, k + 2000),
    }));
    const shares = levelShares(
      mergeHistograms(
        (await executor.run(tasks, (d, n) =>
          options.onProgress?.(`u given ${key}`, d, n),
        )) as PackedHistogram[],
      ),
      levelCounts,
    );
    settings.fields.forEach((field, f) => {
      field.levels.forEach((level, l) => {
        if (CONDITIONS[level.kind] === key) (out[f] as number[])[l] = (shares[f] as number[])[l] as number;
      });
    });
  }
  return out;
}
