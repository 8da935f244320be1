import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, createUser } from '../../src/modules/access/index.ts';
import { consoleActor } from '../../src/platform/actor.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type E2e, logIn, PASSWORD, screenshot, startE2e, USERS } from './harness.ts';

const PIMPINAN = { username: 'uji.kadis', full_name: 'Bambang Kepala Dinas', role: 'pimpinan', areas: [] };
const MEMBER = 'Wulan Pendamping PKH';

let e2e: E2e;
let page: Page;

/** A target sheet as the Dinas fills it in Excel: a good row for the member and a row naming no known metric. */
async function targetSheet(memberId: number, quarter: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Target');
  sheet.addRow(['kuartal', 'metrik', 'anggota_id', 'jenis_pilar', 'wilayah', 'target']);
  sheet.addRow([quarter, 'households_verified', memberId, '', '', 12]);
  sheet.addRow([quarter, 'kunjungan_rumah', memberId, '', '', 5]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The quarter the pages open on: today's, on the district's clock (WIB). */
function currentQuarter(): string {
  const date = new Date(Date.now() + 7 * 3600 * 1000);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** A field by its whole label, with or without the asterisk Mantine adds to a required field's label. */
const labelled = (label: string) => new RegExp(`^${label}\\s*\\*?$`);

/** Picks an option of a Mantine select by its label inside `scope`. */
async function choose(scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope
    .locator('input')
    .and(scope.getByLabel(labelled(label)))
    .click();
  await scope.getByRole('option', { name: option, exact: true }).click();
}

beforeAll(async () => {
  e2e = await startE2e();
  const root = consoleActor('e2e', ALL_PERMISSIONS);
  await createUser(e2e.db, root, { ...PIMPINAN, password: PASSWORD }, loadConfig({}).kabupatenCode);
  page = await e2e.newPage();
});
afterAll(() => e2e?.close());

describe('pillar administration in the browser', () => {
  it('the Dinas operator adds a member with an area', async () => {
    await logIn(page, USERS.kabupaten);
    await page.getByRole('link', { name: 'Anggota pilar' }).click();
    await page.getByRole('heading', { name: 'Anggota pilar' }).waitFor();
    await page.getByRole('button', { name: 'Tambah anggota' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah anggota' });
    await dialog.getByLabel(labelled('Nama')).fill(MEMBER);
    await dialog.getByLabel('Nomor HP').fill('081234567890');
    await choose(dialog, 'Jenis pilar', 'Pendamping PKH');
    await dialog
      .locator('input')
      .and(dialog.getByLabel(labelled('Wilayah')))
      .click();
    await dialog.getByRole('option', { name: 'Tambakmas (Kebonsari)' }).click();
    await page.keyboard.press('Escape');
    // The Dinas operator does not manage users: no login fields.
    await expect(dialog.getByLabel('Nama pengguna').count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: new RegExp(MEMBER) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Pendamping PKH.*Tambakmas.*belum ada/);
    await page.getByRole('cell', { name: 'pkh', exact: true }).waitFor();
    await screenshot(page, 'pillars-members');

    // A change sends only what changed: the phone, not the areas the server would pass to a login.
    await page.getByRole('button', { name: `Ubah ${MEMBER}` }).click();
    const edit = page.getByRole('dialog', { name: `Ubah anggota: ${MEMBER}` });
    await edit.getByLabel('Nomor HP').fill('081298765432');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await edit.waitFor({ state: 'hidden' });
    const [saved] = await e2e.db.query<{ phone: string }>(
      'SELECT phone FROM pillar_members WHERE name = $1',
      [MEMBER],
    );
    expect(saved?.phone).toBe('081298765432');
  });

  it('sets a target for the member, and an uploaded sheet with a bad row shows the row error', async () => {
    await page.getByRole('link', { name: 'Target kuartal' }).click();
    await page.getByRole('heading', { name: 'Target kuartal' }).waitFor();
    await page.getByRole('button', { name: 'Tetapkan target' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tetapkan target' });
    await choose(dialog, 'Metrik', 'Kegiatan peningkatan kapasitas dihadiri');
    await dialog
      .locator('input')
      .and(dialog.getByLabel(labelled('Anggota')))
      .fill('Wulan');
    await dialog.getByRole('option', { name: `${MEMBER} · Pendamping PKH` }).click();
    await dialog.getByLabel(labelled('Target')).fill('1');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const target = page.getByRole('row', { name: /Kegiatan peningkatan kapasitas dihadiri/ });
    await expect(target.textContent()).resolves.toContain(MEMBER);
    await target.getByText('0 / 1').waitFor();

    const [member] = await e2e.db.query<{ id: number }>('SELECT id FROM pillar_members WHERE name = $1', [
      MEMBER,
    ]);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'target-kuartal.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await targetSheet(member?.id as number, currentQuarter()),
    });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    const problems = page.getByTestId('target-problems');
    await problems.waitFor();
    await expect(problems.getByRole('row').nth(1).textContent()).resolves.toMatch(
      /^3Metrikmetrik "kunjungan_rumah" tidak dikenal/,
    );
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('tidak ada yang disimpan');
    // All or nothing: the good row was not saved either.
    await expect(page.getByRole('row', { name: /Keluarga diverifikasi/ }).count()).resolves.toBe(0);
    await screenshot(page, 'pillars-targets-import-error');
  });

  it('creates an event, shows its check-in code and marks the member present from the list', async () => {
    await page.getByRole('link', { name: 'Peningkatan kapasitas' }).click();
    await page.getByRole('button', { name: 'Buat kegiatan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Buat kegiatan' });
    await dialog.getByLabel(labelled('Judul')).fill('Bimtek verifikasi lapangan');
    await dialog.getByLabel('Tempat').fill('Aula Dinas Sosial');
    await dialog.getByLabel('Agenda').fill('Membaca tugas verifikasi\nMengirim kunjungan tanpa sinyal');
    await dialog.getByRole('checkbox', { name: 'Pendamping PKH' }).check();
    await dialog.getByRole('button', { name: 'Tambah materi' }).click();
    await dialog.getByLabel('Judul materi 1').fill('Panduan aplikasi lapangan');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('heading', { name: 'Bimtek verifikasi lapangan' }).waitFor();
    await page.getByRole('img', { name: 'Kode QR presensi kegiatan' }).waitFor();
    await expect(page.getByTestId('checkin-token').textContent()).resolves.toMatch(/^\d+\.\d+\.[\w-]+$/);

    await page.getByRole('checkbox', { name: MEMBER }).check();
    await page.getByRole('button', { name: 'Simpan kehadiran (1)' }).click();
    await page.getByRole('status').filter({ hasText: '1 anggota dicatat hadir' }).waitFor();
    const present = page.getByRole('row', { name: new RegExp(MEMBER) });
    await expect(present.textContent()).resolves.toContain('Daftar hadir');
    await expect(page.getByRole('checkbox', { name: MEMBER }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'pillars-event');
  });

  it('the evaluation shows the member with their target and achievement, and downloads as XLSX', async () => {
    await page.getByRole('link', { name: 'Evaluasi kuartal' }).click();
    const row = page.getByRole('row', { name: new RegExp(MEMBER) }).first();
    await row.waitFor();
    await row.getByText('1 / 1').waitFor();
    await row.getByText('100%').waitFor();
    await row.getByRole('progressbar', { name: /Kegiatan peningkatan kapasitas dihadiri/ }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Unduh XLSX' }).click();
    expect((await download).suggestedFilename()).toBe(`evaluasi-pilar-${currentQuarter()}.xlsx`);
    await screenshot(page, 'pillars-evaluation');
    await page.getByRole('tab', { name: 'Per kecamatan' }).click();
    await page
      .getByRole('row', { name: /Kebonsari/ })
      .first()
      .waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Quarterly evaluation' }).waitFor();
    await page.getByRole('tab', { name: 'Per member' }).click();
    await page.getByRole('columnheader', { name: 'Capacity-building events attended' }).first().waitFor();
    await page.getByText('Indonesia', { exact: true }).click();
    await page.getByRole('heading', { name: 'Evaluasi kuartal' }).waitFor();
  });

  it('a pimpinan sees the evaluation but not the member administration', async () => {
    const bupati = await e2e.newPage({ width: 800, height: 1280 });
    await logIn(bupati, PIMPINAN);
    await expect(bupati.getByRole('link', { name: 'Anggota pilar' }).count()).resolves.toBe(0);
    await bupati.getByRole('link', { name: 'Evaluasi kuartal' }).click();
    const row = bupati.getByRole('row', { name: new RegExp(MEMBER) }).first();
    await row.getByText('1 / 1').waitFor();
    await expect(row.textContent()).resolves.toContain('Pendamping PKH');
    await screenshot(bupati, 'pillars-evaluation-pimpinan-tablet');
    await bupati.goto('/pillars/members');
    await bupati.getByRole('alert').waitFor();
    await expect(bupati.getByRole('button', { name: 'Tambah anggota' }).count()).resolves.toBe(0);
    await bupati.context().close();
  });
});
