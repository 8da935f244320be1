import { type Actor, requirePermission } from '../../platform/actor.ts';
import type { AreaScope } from '../../platform/area-scope.ts';
import type { Db } from '../../platform/db/index.ts';
import { notFound } from '../../server/errors.ts';
import { findRegion, type Region, searchRegions } from '../regions/index.ts';
import { REGISTRY_PERMISSIONS as P } from './permissions.ts';
import * as repo from './summary.repository.ts';

export interface AreaCounts {
  households: number;
  persons: number;
  /** Households in desil 1 or 2: the share the home page's map is coloured by. */
  households_desil_1_2: number;
}

export interface RegistrySummary {
  area: { code: string; name: string; level: string };
  period: { period: string; committed_at: Date } | null;
  totals: AreaCounts;
  by_desil: { desil: number | null; households: number; persons: number }[];
  /** The area's kecamatan (of a kabupaten) or desa (of a kecamatan) within the caller's scope. */
  children: (AreaCounts & { code: string; name: string })[];
}

const CHILD_LEVEL: Record<string, string | undefined> = {
  kabupaten_kota: 'kecamatan',
  kecamatan: 'desa_kelurahan',
};

/**
 * Counts of the latest period's active households and people for an area of the deployment's
 * kabupaten, by desil and by child area, restricted to the caller's area scope.
 */
export async function registrySummary(
  db: Db,
  actor: Actor,
  kabupatenCode: string,
  areaCode = kabupatenCode,
): Promise<RegistrySummary> {
  requirePermission(actor, P.aggregates);
  const area = areaCode.startsWith(kabupatenCode) ? await findRegion(db, areaCode) : undefined;
  if (!area) throw notFound(`Wilayah ${areaCode} tidak ditemukan`, `Region ${areaCode} not found`);
  const period = (await repo.latestPeriod(db)) ?? null;
  const rows = period ? await repo.countsByDesaAndDesil(db, actor.scope, area.code, period.period) : [];
  const childLevel = CHILD_LEVEL[area.level];
  const children = childLevel
    ? (await searchRegions(db, { parent: area.code, level: childLevel, limit: 1000 })).filter((child) =>
        reaches(actor.scope, child),
      )
    : [];
  return {
    area: { code: area.code, name: area.name, level: area.level },
    period,
    totals: countsOf(rows),
    by_desil: byDesil(rows),
    children: children.map((child) => ({
      code: child.code,
      name: child.name,
      ...countsOf(rows.filter((row) => row.desa_code.startsWith(child.code))),
    })),
  };
}

/** Whether any desa of the scope lies in the region. */
function reaches(scope: AreaScope, region: Region): boolean {
  return (
    scope.all || scope.desaCodes.some((code) => code === region.code || code.startsWith(`${region.code}.`))
  );
}

function countsOf(rows: repo.DesaDesilCount[]): AreaCounts {
  const counts: AreaCounts = { households: 0, persons: 0, households_desil_1_2: 0 };
  for (const row of rows) {
    counts.households += row.households;
    counts.persons += row.persons;
    if (row.desil === 1 || row.desil === 2) counts.households_desil_1_2 += row.households;
  }
  return counts;
}

/** Desil 1 to 10 always, then households without a desil when there are any. */
function byDesil(rows: repo.DesaDesilCount[]) {
  const desils: (number | null)[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  if (rows.some((row) => row.desil === null)) desils.push(null);
  return desils.map((desil) => {
    const matching = rows.filter((row) => row.desil === desil);
    return {
      desil,
      households: matching.reduce((sum, row) => sum + row.households, 0),
      persons: matching.reduce((sum, row) => sum + row.persons, 0),
    };
  });
}
