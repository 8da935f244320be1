/**
 * Beranda load time in Chromium on the demo district (BENCH_PEOPLE people, default 40,000): from
 * navigation until the figures and the map are on screen, for the Dinsos operator (whole district)
 * and a desa operator; and the summary API alone. Records bench/RESULTS.md.
 *
 * On PGlite by default (a data folder per size under .bench-data); with DATABASE_URL set, on that
 * PostgreSQL server in a database of its own per size (sinergi_home_N), created when missing. The
 * first run generates and imports the district; later runs reuse it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/modules/access/index.ts';
import { buildWebIfStale } from '../web/build.ts';
import { recordResults } from './machine.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 40_000);
const LOADS = 7;
const root = join(import.meta.dirname, '..');
const dataDir = join(root, '.bench-data', `home-${PEOPLE}`);
mkdirSync(dataDir, { recursive: true });
const load = loadavg()[0]?.toFixed(1);
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

/** The bench's own database on the PostgreSQL server of DATABASE_URL, created when missing. */
async function benchDatabaseUrl(serverUrl: string): Promise<string> {
  const name = `sinergi_home_${PEOPLE}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The real server on the bench's own data folder; the first start generates and imports the district. */
async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const database = process.env.DATABASE_URL
    ? { DATABASE_URL: await benchDatabaseUrl(process.env.DATABASE_URL) }
    : { SINERGI_DATA_DIR: dataDir };
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'serve', '--demo', '--demo-size', String(PEOPLE)],
    { env: { ...process.env, ...database, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      const found = text.match(/berjalan di (http:\/\/\S+)/);
      if (found?.[1]) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, child };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timeBeranda(page: Page): Promise<number> {
  const started = performance.now();
  await page.goto('/');
  await page.getByTestId('summary-stats').getByText(/^\d/).first().waitFor();
  await page
    .getByRole('img', { name: /^Peta / })
    .locator('canvas')
    .waitFor();
  await page.getByTestId('area-table').waitFor();
  return performance.now() - started;
}

await buildWebIfStale();
const { url, child } = await startServer();
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
const rows: string[] = [];
try {
  for (const username of ['demo.kabupaten', 'demo.desa']) {
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByTestId('user-card').waitFor();
    const loads: number[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await timeBeranda(page));
    const api: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const started = performance.now();
      const response = await page.request.get('/api/registry/summary');
      if (!response.ok()) throw new Error(`summary answered ${response.status()}`);
      api.push(performance.now() - started);
    }
    const ms = (value: number) => Math.round(value).toLocaleString('en');
    rows.push(
      `| ${username} | ${ms(loads[0] ?? 0)} | ${ms(median(loads.slice(1)))} | ${ms(Math.max(...loads.slice(1)))} | ${ms(median(api))} |`,
    );
    console.log(rows.at(-1));
    await context.close();
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
}

recordResults('Beranda load time (bench/home-page.ts)', [
  `Demo district of ${PEOPLE.toLocaleString('en')} people on ${engine}, the built web app served by the server, Chromium headless (--disable-gpu) at 1280x800. A load is navigation to \`/\` until the figures, the map canvas and the area table are on screen; the first load of a session fetches the JavaScript, the others reuse the browser's cache. Summary API: \`GET /api/registry/summary\` alone. Load average at start: ${load}.`,
  '',
  '| user | first load (ms) | later loads median (ms) | later loads max (ms) | summary API median (ms) |',
  '| --- | --- | --- | --- | --- |',
  ...rows,
]);
