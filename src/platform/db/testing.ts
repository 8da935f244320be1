import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Db } from './types.ts';

/**
 * A fresh database for one test file, copied from the run's template (test/global-setup.ts:
 * migrated, regions loaded): in-memory PGlite, or, when DATABASE_URL is set, a new database on that
 * PostgreSQL server, dropped again on close.
 */
export async function openTestDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const file = inject('templateFile');
    if (!file) throw new Error('No PGlite template: run the tests through vitest (test/global-setup.ts)');
    return openPglite(undefined, new Blob([readFileSync(file)]));
  }
  const template = inject('templateDb');
  const name = `sinergi_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const db = await openPostgres(testUrl.toString());
  return {
    ...db,
    async close() {
      await db.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
