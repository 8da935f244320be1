import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdRows, importRow, writeCsv } from '../../src/modules/registry/import/test-fixtures.ts';
import { districtRows, TAMBAKMAS } from './dataset.ts';
import { type E2e, logIn, screenshot, startE2e, USERS } from './harness.ts';

let e2e: E2e;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'sinergi-e2e-import-'));

beforeAll(async () => {
  e2e = await startE2e();
  page = await e2e.newPage();
  await logIn(page, USERS.kabupaten, '/imports');
});
afterAll(() => e2e?.close());

/**
 * The next quarter: household 3 falls from desil 4 to 1, one new row has a broken NIK (line 20), and
 * household 1 gains a baby (line 21).
 */
function nextQuarter(): string {
  const rows = districtRows().map((row) => (row.id_keluarga === 'KEL-0003' ? { ...row, desil: '1' } : row));
  rows.push(
    importRow({
      id_keluarga: 'KEL-0009',
      id_individu: 'KEL-0009-1',
      nik: '123',
      nama: 'Baris Rusak',
      kode_desa: TAMBAKMAS,
    }),
  );
  const baby = householdRows(1, { kode_desa: TAMBAKMAS, desil: '1' }, 2)[3];
  if (baby) rows.push({ ...baby, nama: 'Bayu Saputra' });
  return writeCsv(join(dir, 'dtsen-2025-Q3.csv'), rows);
}

describe('import and period diff in the browser', () => {
  it('imports a file with one bad row, shows the result and the rejected row, and serves it as CSV', async () => {
    await page.getByLabel('Periode').fill('2025-Q3');
    await page.locator('input[type=file]').setInputFiles(nextQuarter());
    await page.getByRole('button', { name: 'Mulai impor' }).click();

    await page.getByRole('heading', { name: /^Hasil impor #\d+$/ }).waitFor();
    const summary = page.getByTestId('import-summary');
    await expect(summary.textContent()).resolves.toBe(
      '19 orang dalam 6 keluarga diimpor untuk 2025-Q3; 1 baris ditolak.',
    );
    const rejects = page.getByRole('region', { name: 'Baris ditolak (1)' });
    const row = rejects.getByRole('row', { name: /Baris Rusak/ });
    await expect(row.textContent()).resolves.toContain('NIK "123" harus 16 digit angka');
    await expect(row.getByRole('cell').first().textContent()).resolves.toBe('20');
    await screenshot(page, 'import-result');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^baris,alasan,id_keluarga,/);
    expect(csv).toContain('20,"nik: NIK ""123"" harus 16 digit angka"');
  });

  it('lists the import and shows the period diff with the household whose desil changed', async () => {
    await page.getByRole('link', { name: 'Impor data' }).click();
    await page.getByRole('cell', { name: 'dtsen-2025-Q3.csv' }).waitFor();
    // Who imported, by name rather than by user id.
    const imported = page.getByRole('row', { name: /dtsen-2025-Q3\.csv/ });
    await imported.getByText(USERS.kabupaten.full_name).waitFor();
    await expect(imported.textContent()).resolves.not.toMatch(/user:\d/);
    await page.getByRole('link', { name: 'Perbandingan periode' }).click();
    const desilChanged = page.getByRole('button', { name: /Desil berubah/ });
    await expect(desilChanged.textContent()).resolves.toBe('Desil berubah1');
    await desilChanged.click();
    // Desa names arrive with the region list; the row reads family, KK, desa then and now, desil then and now.
    const household = page.getByRole('row', { name: /KEL-0003.*Tambakmas/ });
    await household.waitFor();
    await expect(household.textContent()).resolves.toMatch(/^KEL-0003\d{16}TambakmasTambakmas41$/);
    await screenshot(page, 'period-diff');
  });

  it("opens a household of the diff, and a new person's household", async () => {
    await page
      .getByRole('row', { name: /KEL-0003/ })
      .getByRole('link', { name: 'KEL-0003' })
      .click();
    await page.getByRole('heading', { name: 'Keluarga KEL-0003' }).waitFor();
    await page.goBack();
    await page.getByRole('button', { name: /Orang baru/ }).click();
    const person = page.getByRole('row', { name: /Bayu Saputra/ });
    await person.waitFor();
    await screenshot(page, 'period-diff-persons');
    await person.getByRole('link', { name: 'Bayu Saputra' }).click();
    await page.getByRole('heading', { name: 'Keluarga KEL-0001' }).waitFor();
    await page
      .getByRole('region', { name: /Anggota keluarga/ })
      .getByText('Bayu Saputra')
      .waitFor();
  });
});
