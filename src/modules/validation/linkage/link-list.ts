import type { Queryable } from '../../../platform/db/index.ts';
import {
  defaultWorkerCount,
  explainPair,
  type FieldExplanation,
  linkRecords,
  PERSON_SETTINGS,
  type PersonRecord,
  RecordsBuilder,
} from '../../linkage/index.ts';
import { addRegistryPeople } from './registry-people.ts';

/** A registry person linked to a row of an external list. */
export interface ListLink {
  personId: number;
  /** Index of the list row in the entries given. */
  entry: number;
  /** Whether the NIK is the same; the name comparison is the caller's (it holds both names). */
  sameNik: boolean;
  /** `match`: at or above the engine's match threshold; `review`: in its review band. */
  band: 'match' | 'review';
  /** The engine's score and per-field explanation; null for a same-NIK pair it scored below review. */
  probability: number | null;
  matchWeight: number | null;
  fields: FieldExplanation[] | null;
}

/**
 * Links the active registry (source A) to the rows of an external list (source B) with the linkage
 * engine in link mode, and adds every pair sharing a NIK, scored or not: the caller decides what a
 * same-NIK pair the engine doubts is worth. Progress: registry pages read, then the engine's phases.
 */
export async function linkListToRegistry(
  db: Queryable,
  entries: readonly Omit<PersonRecord, 'id'>[],
  progress: (done: number, total: number) => void,
): Promise<ListLink[]> {
  if (entries.length === 0) return [];
  const builder = new RecordsBuilder('link');
  const registryCount = await addRegistryPeople(db, builder);
  if (registryCount === 0) return [];
  builder.startSourceB();
  entries.forEach((entry, index) => {
    builder.add({ ...entry, id: String(index) });
  });
  const prepared = builder.finish();
  const split = prepared.columns.split;
  progress(1, 3);
  const { scored } = await linkRecords(prepared, PERSON_SETTINGS, { seed: 1, workers: defaultWorkerCount() });
  progress(2, 3);
  const { matchThreshold } = scored.model.settings;
  const links = new Map<string, ListLink>();
  const nik = prepared.columns.nik.value;
  for (let k = 0; k < scored.pairs.count; k++) {
    const explained = explainPair(prepared, scored, k);
    const left = scored.pairs.left[k] as number;
    const right = scored.pairs.right[k] as number;
    const [a, b] = left < split ? [left, right] : [right, left];
    const link: ListLink = {
      personId: Number(prepared.ids[a]),
      entry: Number(prepared.ids[b]),
      sameNik: (nik[a] as number) >= 0 && nik[a] === nik[b],
      band: explained.probability >= matchThreshold ? 'match' : 'review',
      probability: explained.probability,
      matchWeight: explained.matchWeight,
      fields: explained.fields,
    };
    links.set(`${link.personId}:${link.entry}`, link);
  }
  // Same-NIK pairs the engine put below its review band (another name, date and sex: often a
  // mistyped NIK that is somebody else's) are still reported to the caller, unscored.
  const byNik = new Map<number, number[]>();
  for (let b = split; b < prepared.columns.count; b++) {
    const id = nik[b] as number;
    if (id >= 0) byNik.set(id, [...(byNik.get(id) ?? []), b]);
  }
  for (let a = 0; a < split; a++) {
    for (const b of byNik.get(nik[a] as number) ?? []) {
      const key = `${prepared.ids[a]}:${prepared.ids[b]}`;
      if (links.has(key)) continue;
      links.set(key, {
        personId: Number(prepared.ids[a]),
        entry: Number(prepared.ids[b]),
        sameNik: true,
        band: 'review',
        probability: null,
        matchWeight: null,
        fields: null,
      });
    }
  }
  progress(3, 3);
  return [...links.values()];
}
