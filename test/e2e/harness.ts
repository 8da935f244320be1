import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ALL_PERMISSIONS, authenticator, createUser } from '../../src/modules/access/index.ts';
import { writeCsv } from '../../src/modules/registry/import/test-fixtures.ts';
import { type ImportRow, startImportJob } from '../../src/modules/registry/index.ts';
import { consoleActor } from '../../src/platform/actor.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Db } from '../../src/platform/db/index.ts';
import { openTestDb } from '../../src/platform/db/testing.ts';
import { JobRunner } from '../../src/platform/jobs/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { buildWebIfStale } from '../../web/build.ts';
import { districtRows, TAMBAKMAS } from './dataset.ts';

export const PASSWORD = 'kunci-uji-2025';
export const USERS = {
  kabupaten: {
    username: 'uji.kabupaten',
    full_name: 'Rina Operator Dinsos',
    role: 'operator_kabupaten',
    areas: [],
  },
  admin: { username: 'uji.admin', full_name: 'Sari Admin Sistem', role: 'admin', areas: [] },
  auditor: { username: 'uji.auditor', full_name: 'Hendra Auditor', role: 'auditor', areas: [] },
  desa: {
    username: 'uji.tambakmas',
    full_name: 'Bayu Operator Tambakmas',
    role: 'operator_desa',
    areas: [TAMBAKMAS],
  },
} as const;

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'e2e');
const root = consoleActor('e2e', ALL_PERMISSIONS);

export interface E2e {
  db: Db;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (its own cookies and language) with one page. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The built web app served by the real server on a test database holding the small district
 * (imported as 2025-Q2 by the registry importer; `rows` replaces it) and one user per role the tests need, with
 * Debian's Chromium driven by playwright-core.
 */
export async function startE2e(options: { rows?: ImportRow[] } = {}): Promise<E2e> {
  await buildWebIfStale();
  const db = await openTestDb();
  const config = loadConfig({});
  const jobs = new JobRunner(db);
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-e2e-'));
  const path = writeCsv(join(dir, 'dtsen-2025-Q2.csv'), options.rows ?? districtRows());
  const { done } = await startImportJob(db, jobs, root, {
    path,
    fileName: 'dtsen-2025-Q2.csv',
    period: '2025-Q2',
    kabupatenCode: config.kabupatenCode,
  });
  await done;
  for (const user of Object.values(USERS)) {
    await createUser(db, root, { ...user, areas: [...user.areas], password: PASSWORD }, config.kabupatenCode);
  }
  const app = await buildApp({
    db,
    config,
    jobs,
    authenticate: authenticator(db, systemClock),
    clock: systemClock,
  });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    db,
    baseUrl,
    browser,
    async newPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({
        viewport,
        baseURL: baseUrl,
        locale: 'id-ID',
        acceptDownloads: true,
      });
      return context.newPage();
    },
    async close() {
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

/** Logs in through the login page the app shows at any address. */
export async function logIn(page: Page, user: { username: string }, path = '/') {
  await page.goto(path);
  await page.getByLabel('Nama pengguna').fill(user.username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByTestId('user-card').waitFor();
}

/** Saves a full-page screenshot to test-results/e2e/<name>.png for people to look at. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Fixed header and navigation are drawn where they stand, so the page is shot from its top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
