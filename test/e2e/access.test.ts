import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, logIn, PASSWORD, screenshot, startE2e, USERS } from './harness.ts';

let e2e: E2e;
let page: Page;

async function householdId(familyId: string): Promise<number> {
  const [row] = await e2e.db.query<{ id: number }>('SELECT id FROM households WHERE family_id = $1', [
    familyId,
  ]);
  return Number(row?.id);
}

beforeAll(async () => {
  e2e = await startE2e();
  // A 10-inch tablet held upright.
  page = await e2e.newPage({ width: 800, height: 1280 });
});
afterAll(() => e2e?.close());

describe('a desa operator in the browser', () => {
  it('logs in with the keyboard alone and sees only their desa', async () => {
    await page.goto('/');
    await page.getByLabel('Nama pengguna').waitFor();
    // The username field has the focus; Tab reaches the password, Enter submits.
    await page.keyboard.type(USERS.desa.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('summary-stats').getByText('12', { exact: true }).waitFor();
    await expect(page.getByTestId('summary-stats').textContent()).resolves.toMatch(/Keluarga4.*Jiwa12/);
    await expect(page.getByTestId('area-table').getByRole('row').count()).resolves.toBe(2);
    await screenshot(page, 'tablet-beranda-desa');
  });

  it('searches within the desa, with NIK and KK masked', async () => {
    // At tablet width the navigation stays beside the page, with the user's role and area.
    const card = page.getByTestId('user-card');
    await expect(card.textContent()).resolves.toContain('Operator desa/kelurahan');
    await expect(card.textContent()).resolves.toContain('Wilayah: Tambakmas');
    await page.getByRole('link', { name: 'Cari keluarga & orang' }).click();
    await page
      .getByTestId('table-total')
      .filter({ hasText: /^12 baris$/ })
      .waitFor();
    await expect(page.getByRole('cell', { name: /^3519\*{10}\d{2}$/ }).count()).resolves.toBe(24);
    await expect(page.getByRole('link', { name: 'Slamet Riyadi' }).count()).resolves.toBe(0);
    await screenshot(page, 'tablet-search-desa');
  });

  it('reveals one household in full, and the reveal is in the audit log', async () => {
    await page.getByRole('link', { name: 'Sukirman' }).click();
    await expect(page.getByTestId('household-kk').textContent()).resolves.toBe('3519**********01');
    await page.getByRole('button', { name: 'Tampilkan NIK & KK lengkap' }).click();
    await page.getByText('Tindakan ini telah dicatat di log audit').waitFor();
    await expect(page.getByTestId('household-kk').textContent()).resolves.toBe('3519010101200001');
    const audit = await e2e.db.query<{ actor_name: string; subject_id: string }>(
      `SELECT actor_name, subject_id::text FROM audit_log WHERE action = 'record.reveal'`,
    );
    expect(audit).toEqual([
      { actor_name: USERS.desa.username, subject_id: String(await householdId('KEL-0001')) },
    ]);
    await screenshot(page, 'tablet-household-revealed');
  });

  it('shows the reveal to an auditor in the audit log', async () => {
    const auditor = await e2e.newPage();
    await logIn(auditor, USERS.auditor, '/audit');
    await auditor.locator('input').and(auditor.getByLabel('Tindakan')).click();
    await auditor.getByRole('option', { name: 'Menampilkan NIK/KK lengkap' }).click();
    await auditor.getByText(/^1 catatan terbaru yang cocok/).waitFor();
    const row = auditor.getByRole('row', { name: /Menampilkan NIK\/KK lengkap/ });
    await expect(row.textContent()).resolves.toMatch(/uji\.tambakmas.*Keluarga #\d+Tambakmas127\.0\.0\.1/);
    // Who acted, by full name; the username and role stay beneath it.
    await row.getByText(USERS.desa.full_name).waitFor();
    await expect(auditor.getByRole('row').count()).resolves.toBe(2);
    await screenshot(auditor, 'audit-log');
    await auditor.context().close();
  });

  it("cannot open another desa's household by its address", async () => {
    const other = await householdId('KEL-0005');
    await page.goto(`/registry/households/${other}`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      `Keluarga #${other} tidak ditemukan`,
    );
    await expect(page.getByText('Slamet Riyadi').count()).resolves.toBe(0);
    await screenshot(page, 'tablet-other-desa-refused');
  });
});

describe('an admin in the browser', () => {
  it('adds a desa operator, who then sees only that desa, and deactivates them', async () => {
    const admin = await e2e.newPage();
    await logIn(admin, USERS.admin, '/users');
    await admin.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Tambah pengguna' });
    await dialog.getByLabel('Nama pengguna').fill('uji.tanjungrejo');
    await dialog.getByLabel('Nama lengkap').fill('Dewi Operator Tanjungrejo');
    await dialog.locator('input').and(dialog.getByLabel('Peran')).click();
    await dialog.getByRole('option', { name: 'Operator desa/kelurahan' }).click();
    await dialog.locator('input').and(dialog.getByLabel('Wilayah')).fill('Tanjungrejo');
    await dialog.getByRole('option', { name: 'Tanjungrejo (Kebonsari)' }).click();
    await dialog.getByLabel('Kata sandi awal').fill('pendek');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain('minimal 10 karakter');
    await dialog.getByLabel('Kata sandi awal').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = admin.getByRole('row', { name: /uji\.tanjungrejo/ });
    await expect(row.textContent()).resolves.toContain('Operator desa/kelurahanTanjungrejoAktif');
    await screenshot(admin, 'users');

    const operator = await e2e.newPage();
    await logIn(operator, { username: 'uji.tanjungrejo' }, '/registry');
    await operator
      .getByTestId('table-total')
      .filter({ hasText: /^6 baris$/ })
      .waitFor();
    await operator.context().close();

    await row.getByRole('button', { name: 'Tindakan untuk uji.tanjungrejo' }).click();
    await admin.getByRole('menuitem', { name: 'Ubah peran dan wilayah' }).click();
    const edit = admin.getByRole('dialog', { name: 'Ubah pengguna uji.tanjungrejo' });
    await edit.getByLabel('Aktif').uncheck({ force: true });
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await edit.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });
    await admin.context().close();
  });
});
