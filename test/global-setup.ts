import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureRegionsLoaded } from '../src/modules/regions/index.ts';
import { REGIONS_DATA_DIR } from '../src/modules/regions/regions.repository.ts';
import { applyMigrations, openPglite, openPostgres } from '../src/platform/db/index.ts';
import { MIGRATIONS_DIR } from '../src/platform/db/migrate.ts';
import '../src/platform/db/testing.ts';

/**
 * Builds, once per run, a migrated database with the regions loaded; every test file starts from a
 * copy of it (a PGlite data-dir dump, or a PostgreSQL template database) instead of paying for
 * initdb and the 91,000-row region list again.
 */
export default async function setup(project: TestProject) {
  const key = templateKey();
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `sinergi_template_${key}`;
    await buildPostgresTemplate(url, name);
    project.provide('templateDb', name);
  } else {
    const file = join(tmpdir(), `sinergi-template-${key}.tar`);
    if (!existsSync(file)) await buildPgliteTemplate(file);
    project.provide('templateFile', file);
  }
}

function templateKey(): string {
  const hash = createHash('sha256');
  for (const dir of [MIGRATIONS_DIR, REGIONS_DATA_DIR]) {
    for (const file of readdirSync(dir).sort()) {
      hash.update(file);
      hash.update(String(statSync(join(dir, file)).size));
      if (file.endsWith('.sql')) hash.update(readFileSync(join(dir, file)));
    }
  }
  hash.update(JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')).version);
  return hash.digest('hex').slice(0, 12);
}

async function buildPgliteTemplate(file: string) {
  const db = await openPglite(undefined);
  await applyMigrations(db);
  await ensureRegionsLoaded(db, '35.19');
  const dump = await db.dumpDataDir();
  await db.close();
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
}

async function buildPostgresTemplate(url: string, name: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return;
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${building}`);
    const target = new URL(url);
    target.pathname = `/${building}`;
    const db = await openPostgres(target.toString());
    await applyMigrations(db);
    await ensureRegionsLoaded(db, '35.19');
    await db.close();
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
  } finally {
    await admin.end();
  }
}
