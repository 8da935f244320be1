/**
 * The full demo district as the linkage and findings benches use it: generated once into a folder
 * (BENCH_ACCURACY_DIR, reused while it holds a manifest), its last period, death register and ASN
 * list imported into a fresh database (PostgreSQL when DATABASE_URL is set, a PGlite folder otherwise).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DEMO_FILE_NAMES, generateDemoDistrict } from '../src/modules/demo/index.ts';
import { runImport } from '../src/modules/registry/import/import.service.ts';
import { runListImport } from '../src/modules/validation/lists/list-import.ts';
import type { Db } from '../src/platform/db/index.ts';

export const seconds = (ms: number) => Math.round(ms / 100) / 10;

export interface DemoDistrict {
  dir: string;
  size: number;
  seed: string;
  period: string;
}

/** The folder of BENCH_ACCURACY_SIZE people (default 750,000, seed 3519), generated when it is not complete. */
export async function demoDistrict(): Promise<DemoDistrict> {
  const size = Number(process.env.BENCH_ACCURACY_SIZE ?? 750_000);
  const dir = process.env.BENCH_ACCURACY_DIR ?? join(tmpdir(), `sinergi-accuracy-${size}`);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`generating a demo district of ${size} people in ${dir}`);
    await generateDemoDistrict({ outDir: dir, size, seed: '3519', periods: ['2025-Q2', '2025-Q3'] });
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return {
    dir,
    size: manifest.size,
    seed: manifest.seed,
    period: manifest.periods[manifest.periods.length - 1].period as string,
  };
}

export interface ImportedDistrict {
  rowsAccepted: number;
  rowsRejected: number;
  importSeconds: number;
  lists: Record<'death' | 'asn', { rows: number; rejected: number }>;
}

/** Imports the district's last period, then its death register and ASN list (what the linkage rules read). */
export async function importDistrict(
  db: Db,
  district: DemoDistrict,
  kabupatenCode: string,
): Promise<ImportedDistrict> {
  const started = performance.now();
  const fileName = DEMO_FILE_NAMES.dtsen(district.period);
  const imported = await runImport(db, {
    path: join(district.dir, fileName),
    fileName,
    period: district.period,
    createdBy: 'bench',
    kabupatenCode,
  });
  const importSeconds = seconds(performance.now() - started);
  console.error(
    `registry import: ${imported.rowsAccepted} people, ${imported.rowsRejected} rejected, ${importSeconds} s`,
  );
  const lists = { death: { rows: 0, rejected: 0 }, asn: { rows: 0, rejected: 0 } };
  for (const [kind, file] of [
    ['death', 'death-register.csv'],
    ['asn', 'asn-list.csv'],
  ] as const) {
    const summary = await runListImport(db, {
      kind,
      path: join(district.dir, file),
      fileName: file,
      createdBy: 'bench',
    });
    lists[kind] = { rows: summary.rowsAccepted, rejected: summary.rowsRejected };
  }
  return {
    rowsAccepted: imported.rowsAccepted,
    rowsRejected: imported.rowsRejected,
    importSeconds,
    lists,
  };
}

/** A database of its own for one run: the environment that points the app at it, and its removal. */
export async function freshDatabase(
  prefix: string,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-db-`));
    return {
      env: { SINERGI_DATA_DIR: dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `${prefix.replaceAll('-', '_')}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: target.toString() },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
