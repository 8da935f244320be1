import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  if (!url) return openPglite(undefined, templateBlob());
  const target = await createPostgresCopy(url);
  const db = await openPostgres(target.url);
  return {
    ...db,
    async close() {
      await db.close();
      await target.drop();
    },
  };
}

/**
 * A database another process can open: a PGlite data folder or a PostgreSQL database, as the
 * environment variables a `sinergi` child process needs. Used by tests that kill that process.
 */
export async function createTestDatabaseForProcess(): Promise<{
  env: Record<string, string>;
  drop(): Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const target = await createPostgresCopy(url);
    return { env: { DATABASE_URL: target.url }, drop: target.drop };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sinergi-test-data-'));
  const db = await openPglite(dataDir, templateBlob());
  await db.close();
  return {
    env: { SINERGI_DATA_DIR: dataDir },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

function templateBlob(): Blob {
  const file = inject('templateFile');
  if (!file) throw new Error('No PGlite template: run the tests through vitest (test/global-setup.ts)');
  return new Blob([readFileSync(file)]);
}

async function createPostgresCopy(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sinergi_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`);
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return {
    url: copy.toString(),
    drop: () => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
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

declare module 'vitest' {
  /** What test/global-setup.ts provides: the template to copy, for the engine in use. */
  export interface ProvidedContext {
    templateFile?: string;
    templateDb?: string;
  }
}
