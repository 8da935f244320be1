export { joinTransaction } from './join-transaction.ts';
export { applyMigrations } from './migrate.ts';
export { openDatabase } from './open.ts';
export { openPglite } from './pglite.ts';
export { openPostgres } from './postgres.ts';
export type { Db, Queryable } from './types.ts';
