import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, logIn, screenshot, startE2e, USERS } from './harness.ts';

let e2e: E2e;
let page: Page;
let secret: string;

beforeAll(async () => {
  e2e = await startE2e();
  page = await e2e.newPage();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await logIn(page, USERS.kabupaten);
});
afterAll(() => e2e?.close());

/** What the server answers a program that presents the token. */
const asProgram = (token: string) =>
  page.request.get('/api/persons?name=Sukirman', { headers: { authorization: `Bearer ${token}` } });

describe('API tokens in the browser', () => {
  it('creates a token with one permission, shows its secret once with a copy button, and it works', async () => {
    await page.getByRole('link', { name: 'Token API' }).click();
    await page.getByRole('heading', { name: 'Token API', level: 2 }).waitFor();
    await page.getByText('Anda belum memiliki token API.').waitFor();
    const create = page.getByRole('button', { name: 'Buat token' });
    await expect(create.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Nama token').fill('Laporan bulanan Bappeda');
    await page.getByRole('checkbox', { name: 'Membaca registri' }).check();
    // Only the user's own permissions are offered: an operator manages no users.
    await expect(page.getByRole('checkbox', { name: 'Mengelola pengguna' }).count()).resolves.toBe(0);
    await create.click();

    const shown = page.getByTestId('token-secret');
    await shown.getByText('Token "Laporan bulanan Bappeda" telah dibuat').waitFor();
    secret = (await shown.getByLabel('Token rahasia').textContent()) ?? '';
    expect(secret).toMatch(/^sng_\S{20,}$/);
    await shown.getByRole('button', { name: 'Salin token' }).click();
    await shown.getByRole('button', { name: 'Tersalin' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(secret);
    await screenshot(page, 'tokens-created');

    const row = page.getByRole('row', { name: /Laporan bulanan Bappeda/ });
    await expect(row.textContent()).resolves.toMatch(/Membaca registri.*Aktif/);
    expect((await asProgram(secret)).status()).toBe(200);
    // The token carries only what was chosen.
    const refused = await page.request.get('/api/imports', {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(refused.status()).toBe(403);
  });

  it('never shows the secret again, and revokes the token after a confirmation', async () => {
    await page.reload();
    const row = page.getByRole('row', { name: /Laporan bulanan Bappeda/ });
    await row.waitFor();
    await expect(page.getByTestId('token-secret').count()).resolves.toBe(0);
    await expect(page.getByText(secret).count()).resolves.toBe(0);

    await row.getByRole('button', { name: 'Cabut token Laporan bulanan Bappeda' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cabut token Laporan bulanan Bappeda?' });
    await dialog.getByRole('button', { name: 'Cabut' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('Dicabut').waitFor();
    await expect(row.getByRole('button').count()).resolves.toBe(0);
    expect((await asProgram(secret)).status()).toBe(401);
    await screenshot(page, 'tokens-revoked');
  });

  it('speaks English and fits a portrait tablet', async () => {
    const tablet = await e2e.newPage({ width: 800, height: 1280 });
    await logIn(tablet, USERS.kabupaten, '/tokens');
    await tablet.getByText('English', { exact: true }).click();
    await tablet.getByRole('heading', { name: 'API tokens', level: 2 }).waitFor();
    await tablet.getByLabel('Token name').waitFor();
    await tablet.getByRole('row', { name: /Laporan bulanan Bappeda.*Revoked/ }).waitFor();
    // Nothing wider than the screen: the page does not scroll sideways.
    const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(tablet, 'tablet-tokens-en');
    await tablet.context().close();
  });
});
