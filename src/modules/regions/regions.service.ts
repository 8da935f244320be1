import type { Queryable } from '../../platform/db/index.ts';
import * as repo from './regions.repository.ts';

/**
 * Loads the national code list and the kabupaten's boundaries into an empty database.
 * Regions are public reference data (no personal data), so no access check applies.
 */
export async function ensureRegionsLoaded(db: Queryable, kabupatenCode: string): Promise<boolean> {
  if ((await repo.countRegions(db)) > 0) return false;
  await repo.loadNationalCodes(db);
  await repo.loadBoundaries(db, kabupatenCode);
  return true;
}

export const findRegion = repo.findRegion;
export const searchRegions = repo.searchRegions;
export const desaCodesOf = repo.desaCodesOf;
export const boundariesOf = repo.boundariesOf;
