export type { Db, Queryable } from './types.ts';
export { openDatabase } from './open.ts';
export { openPglite } from './pglite.ts';
export { openPostgres } from './postgres.ts';
export { applyMigrations } from './migrate.ts';
