import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRow, writeCsv } from '../../src/modules/registry/import/test-fixtures.ts';
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

/** The next quarter: household 3 falls from desil 4 to 1, and one new row has a broken NIK (line 20). */
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
      '18 orang dalam 6 keluarga diimpor untuk 2025-Q3; 1 baris ditolak.',
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
});
