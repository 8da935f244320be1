export { kecamatanOf, normaliseRegionCode, parentCode, regionLevel } from './region-code.ts';
export type { Region } from './regions.repository.ts';
export { regionRoutes } from './regions.routes.ts';
export {
  boundariesOf,
  desaCodesOf,
  ensureRegionsLoaded,
  findRegion,
  searchRegions,
} from './regions.service.ts';
