import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, logIn, screenshot, startE2e, USERS } from './harness.ts';

let e2e: E2e;
let page: Page;

beforeAll(async () => {
  e2e = await startE2e();
  page = await e2e.newPage();
});
afterAll(() => e2e?.close());

describe('operator web app: login, Beranda, registry search and household', () => {
  it('refuses a wrong password, then logs in and shows the role, the area and the Beranda figures', async () => {
    await page.goto('/');
    await page.getByLabel('Nama pengguna').fill(USERS.kabupaten.username);
    await page.getByLabel('Kata sandi').fill('salah-sandi-1');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Nama pengguna atau kata sandi salah',
    );
    await screenshot(page, 'login-failed');

    await logIn(page, USERS.kabupaten);
    const card = page.getByTestId('user-card');
    await expect(card.textContent()).resolves.toContain('Rina Operator Dinsos');
    await expect(card.textContent()).resolves.toContain('Operator Dinsos kabupaten');
    await expect(card.textContent()).resolves.toContain('Seluruh kabupaten');
    // Six households, 18 people; desil 1-2: households 1, 2 and 5.
    const stats = page.getByTestId('summary-stats');
    await stats.getByText('18', { exact: true }).waitFor();
    await expect(stats.textContent()).resolves.toMatch(/Keluarga6.*Jiwa18.*Keluarga desil 1–23/);
    await page.getByTestId('area-table').getByRole('button', { name: 'Kebonsari' }).click();
    await page.getByTestId('area-table').getByRole('link', { name: 'Tambakmas' }).waitFor();
    await page.waitForTimeout(500); // the map's entry animation
    await screenshot(page, 'beranda-kecamatan');
  });

  it('finds a person by name and opens the household with members and snapshots', async () => {
    await page.getByRole('link', { name: 'Cari keluarga & orang' }).click();
    await page.getByLabel('Nama', { exact: true }).fill('siti');
    await page.getByRole('button', { name: 'Cari' }).click();
    await page
      .getByTestId('table-total')
      .filter({ hasText: /^1 baris$/ })
      .waitFor();
    await screenshot(page, 'registry-search');

    await page.getByRole('link', { name: 'Siti Aminah' }).click();
    await page.getByRole('heading', { name: 'Keluarga KEL-0003' }).waitFor();
    const members = page.getByRole('region', { name: 'Anggota keluarga (3)' });
    for (const name of ['Suparno', 'Siti Aminah', 'Rudi Hartono']) {
      await expect(members.getByRole('cell', { name, exact: true }).count()).resolves.toBe(1);
    }
    const snapshots = page.getByRole('region', { name: 'Data per periode' });
    await expect(snapshots.getByRole('cell', { name: '2025-Q2' }).count()).resolves.toBe(1);
    // The Dinsos operator reads identities in full.
    await expect(page.getByTestId('household-kk').textContent()).resolves.toMatch(/^\d{16}$/);
    await screenshot(page, 'household');
  });

  it("changes a member's status with a reason, kept in the household's history", async () => {
    await page.getByRole('button', { name: 'Ubah status Rudi Hartono' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ubah status: Rudi Hartono' });
    await dialog.locator('input').and(dialog.getByLabel('Status baru')).click();
    await dialog.getByRole('option', { name: 'Pindah' }).click();
    await dialog.getByLabel('Alasan').fill('Pindah kerja ke Surabaya (laporan kepala desa)');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const history = page.getByRole('region', { name: 'Riwayat status' });
    const change = history.getByRole('row', { name: /Rudi Hartono/ });
    await change.waitFor();
    await expect(change.textContent()).resolves.toMatch(/Rudi HartonoAktifPindahPindah kerja ke Surabaya/);
    // Who changed it, by name.
    await change.getByText(USERS.kabupaten.full_name).waitFor();
    await screenshot(page, 'household-status-changed');
  });

  it('switches the whole app to English, keeps the choice across a reload, and back', async () => {
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Household KEL-0003' }).waitFor();
    await expect(page.getByRole('link', { name: 'Home' }).count()).resolves.toBe(1);
    await expect(page.getByTestId('user-card').textContent()).resolves.toContain('Whole district');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.getByRole('link', { name: 'Find households & people' }).click();
    await page
      .getByTestId('table-total')
      .filter({ hasText: /^18 rows$/ })
      .waitFor();
    await screenshot(page, 'registry-english');
    await page.reload();
    await page.getByRole('heading', { name: 'Find households & people' }).waitFor();
    await page.getByText('Indonesia', { exact: true }).click();
    await page.getByRole('heading', { name: 'Cari keluarga & orang' }).waitFor();
  });

  it('logs out to the login page, which every address then shows', async () => {
    await page.getByRole('button', { name: 'Keluar', exact: true }).click();
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    await page.goto('/registry/households/1');
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
  });
});
