/**
 * The registry's period diff, computed on a group of households the generator evolved together
 * (a household with the households that split from it or arrived beside it). Every person stays
 * within their group across periods, so the group's diffs add up to the exact diff of the files.
 */
import type { Household } from './types.ts';

/** Who is where in one period. Groups hold a few households, so plain arrays beat maps here. */
export interface GroupSnapshot {
  households: Array<{ id: string; desa: string; desil: number }>;
  people: Array<{ id: string; desa: string }>;
}

export const HOUSEHOLD_CHANGES = ['entered', 'left', 'desil_changed', 'moved_desa'] as const;
export const PERSON_CHANGES = ['entered', 'left', 'moved_desa'] as const;
export type HouseholdChange = (typeof HOUSEHOLD_CHANGES)[number];
export type PersonChange = (typeof PERSON_CHANGES)[number];

export interface SnapshotDiff {
  households: Record<HouseholdChange, string[]>;
  people: Record<PersonChange, string[]>;
}

export function snapshotOf(group: readonly Household[]): GroupSnapshot {
  const snapshot: GroupSnapshot = { households: [], people: [] };
  for (const household of group) {
    const desa = household.desa.code;
    snapshot.households.push({ id: household.id, desa, desil: household.desil });
    for (const person of household.members) snapshot.people.push({ id: person.id, desa });
  }
  return snapshot;
}

export function compareSnapshots(before: GroupSnapshot, after: GroupSnapshot): SnapshotDiff {
  const diff: SnapshotDiff = {
    households: { entered: [], left: [], desil_changed: [], moved_desa: [] },
    people: { entered: [], left: [], moved_desa: [] },
  };
  for (const now of after.households) {
    const then = before.households.find((h) => h.id === now.id);
    if (!then) diff.households.entered.push(now.id);
    else {
      if (then.desil !== now.desil) diff.households.desil_changed.push(now.id);
      if (then.desa !== now.desa) diff.households.moved_desa.push(now.id);
    }
  }
  for (const then of before.households) {
    if (!after.households.some((h) => h.id === then.id)) diff.households.left.push(then.id);
  }
  for (const now of after.people) {
    const then = before.people.find((p) => p.id === now.id);
    if (!then) diff.people.entered.push(now.id);
    else if (then.desa !== now.desa) diff.people.moved_desa.push(now.id);
  }
  for (const then of before.people) {
    if (!after.people.some((p) => p.id === then.id)) diff.people.left.push(then.id);
  }
  return diff;
}
