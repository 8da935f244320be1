import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS } from '../../src/modules/access/index.ts';
import { createMember } from '../../src/modules/pillars/members.service.ts';
import { startListImportJob, startValidationRun } from '../../src/modules/validation/index.ts';
import { consoleActor } from '../../src/platform/actor.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { JobRunner } from '../../src/platform/jobs/index.ts';
import { deathRegisterCsv, districtForFindings, TAMBAKMAS, TANJUNGREJO } from './dataset.ts';
import { type E2e, logIn, PASSWORD, screenshot, startE2e, USERS } from './harness.ts';

let e2e: E2e;
let page: Page;

const personStatus = async (name: string) =>
  (
    await e2e.db.query<{ status: string }>('SELECT status FROM persons WHERE name = $1 ORDER BY id', [name])
  ).map((row) => row.status);

/**
 * The small district with Sukirman recorded twice, a death register naming one head in Tambakmas
 * and one in Tanjungrejo, and a validation run over the district: findings of every kind the pages
 * show (structural, death register, duplicate pair).
 */
beforeAll(async () => {
  e2e = await startE2e({ rows: districtForFindings() });
  const jobs = new JobRunner(e2e.db);
  const root = consoleActor('e2e', ALL_PERMISSIONS);
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-e2e-lists-'));
  const path = join(dir, 'register-kematian.csv');
  writeFileSync(path, deathRegisterCsv());
  const list = await startListImportJob(e2e.db, jobs, root, {
    kind: 'death',
    path,
    fileName: 'register-kematian.csv',
  });
  await list.done;
  const run = await startValidationRun(e2e.db, jobs, root, loadConfig({}).kabupatenCode, {});
  expect((await run.done).status).toBe('succeeded');
  page = await e2e.newPage();
});
afterAll(() => e2e?.close());

describe('findings and duplicate review in the browser', () => {
  it('Beranda lists open findings by rule; a rule opens the queue filtered by it', async () => {
    await logIn(page, USERS.kabupaten);
    const byRule = page.getByTestId('findings-by-rule');
    await byRule.getByRole('link', { name: 'Meninggal menurut register kematian' }).click();
    await page.waitForURL(/\/findings\?rule=dead_death_register/);
    await page.getByRole('heading', { name: 'Temuan validasi' }).waitFor();
    // One death in each desa; the queue shows both to the Dinsos operator.
    await page
      .getByTestId('table-total')
      .filter({ hasText: /^2 baris$/ })
      .waitFor();
    for (const name of ['Karyadi', 'Mulyono']) await page.getByRole('link', { name }).waitFor();
    await page.getByRole('cell', { name: 'Tanjungrejo' }).waitFor();
    await screenshot(page, 'findings-queue');
  });

  it("resolves a death finding as meninggal: the registry record's status changes, with the history", async () => {
    await page.getByRole('link', { name: 'Karyadi' }).click();
    await page.getByRole('heading', { name: /Temuan #\d+: Meninggal menurut register kematian/ }).waitFor();
    // The rule explained, the registry record beside the register's row.
    await expect(page.getByTestId('rule-description').textContent()).resolves.toContain('register kematian');
    const evidence = page.getByRole('region', { name: 'Bukti' });
    await evidence.getByRole('cell', { name: '3519-KM-2025-0001' }).waitFor();
    await evidence.getByText('NIK dan nama sama').waitFor();
    await expect(page.getByTestId('subject-status').textContent()).resolves.toBe('Aktif');

    await page.getByRole('button', { name: 'Selesaikan' }).click();
    const dialog = page.getByRole('dialog');
    // The rule's usual action is offered first.
    const action = dialog.locator('input').and(dialog.getByLabel('Tindakan pada registri'));
    await expect(action.inputValue()).resolves.toBe('Tandai meninggal');
    await dialog.getByLabel('Alasan').fill('Akta kematian dicek di Dukcapil; keluarga membenarkan');
    await screenshot(page, 'finding-resolve-dialog');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByTestId('subject-status').filter({ hasText: 'Meninggal' }).waitFor();
    const history = page.getByRole('region', { name: 'Riwayat dan komentar' });
    await history.getByText('Akta kematian dicek di Dukcapil').waitFor();
    await history.getByText(USERS.kabupaten.full_name).waitFor();
    await expect(personStatus('Karyadi')).resolves.toEqual(['meninggal']);
    await screenshot(page, 'finding-resolved');

    // The household page shows the change in its own history.
    await page.getByRole('link', { name: 'Karyadi' }).click();
    const members = page.getByRole('region', { name: /Anggota keluarga/ });
    await members.getByText('Meninggal').waitFor();
  });

  it('decides a duplicate pair as the same person and moves on to the next pair', async () => {
    const pairs = await e2e.db.query<{ id: number; subject_id: number }>(
      `SELECT id, subject_id FROM findings WHERE rule_id = 'duplicate_person' AND status = 'open'`,
    );
    expect(pairs.length).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Tinjau data ganda' }).click();
    await page.getByRole('heading', { name: 'Tinjau data ganda' }).waitFor();
    await page.getByRole('link', { name: 'Mulai meninjau' }).click();
    const heading = page.getByRole('heading', { name: /Pasangan #\d+/ });
    await heading.waitFor();
    const findingId = Number((await heading.textContent())?.match(/#(\d+)/)?.[1]);
    const pair = pairs.find((p) => p.id === findingId);
    expect(pair).toBeDefined();
    // Both records side by side (the family cards differ and are marked), and the weight of each field.
    const compare = page.getByTestId('compare-records');
    await compare.locator('tr[data-differs="true"]').filter({ hasText: 'No. KK' }).waitFor();
    await page.getByTestId('weight-bars').getByRole('rowheader', { name: 'NIK' }).waitFor();
    await page.setViewportSize({ width: 800, height: 1280 });
    await screenshot(page, 'duplicate-review-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });

    const reason = 'Orang yang sama: didaftarkan lagi pada KK baru (cek ke rumah)';
    await page.getByLabel('Alasan').fill(reason);
    await page.getByRole('button', { name: 'Sama', exact: true }).click();
    // The next pair, or the list with nothing left to decide.
    await (pairs.length > 1
      ? page.getByRole('heading', { name: /Pasangan #\d+/ }).filter({ hasNotText: `#${findingId}` })
      : page.getByText('Semua pasangan di wilayah Anda sudah diputuskan.')
    ).waitFor();
    const decisions = await e2e.db.query<{ same: boolean; reason: string }>(
      'SELECT same, reason FROM pair_decisions',
    );
    expect(decisions).toEqual([{ same: true, reason }]);
    // The later record (the finding's subject) is ganda; the finding is resolved.
    const [subject] = await e2e.db.query<{ status: string }>('SELECT status FROM persons WHERE id = $1', [
      pair?.subject_id,
    ]);
    expect(subject?.status).toBe('ganda');
    const [finding] = await e2e.db.query<{ status: string }>('SELECT status FROM findings WHERE id = $1', [
      findingId,
    ]);
    expect(finding?.status).toBe('resolved');
    await screenshot(page, 'duplicates-next');
  });

  it('confirms every filtered finding of a rule at once, after a confirmation that says how many', async () => {
    const count = async (status: string) => {
      const [row] = await e2e.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM findings WHERE rule_id = 'nik_birth_sex' AND desa_code = $1 AND status = $2`,
        [TAMBAKMAS, status],
      );
      return row?.n ?? 0;
    };
    const open = await count('open');
    expect(open).toBeGreaterThan(1);
    await page.goto(`/findings?rule=nik_birth_sex&desa=${TAMBAKMAS}`);
    await page
      .getByTestId('table-total')
      .filter({ hasText: `${open} baris` })
      .waitFor();
    await page.getByRole('button', { name: 'Tindakan massal' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`${open} temuan yang tersaring akan diputuskan.`).waitFor();
    await dialog.getByLabel('Alasan').fill('NIK lama dari Dukcapil; dikoreksi saat musdes');
    await dialog.getByRole('button', { name: 'Lanjut' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: `diterapkan pada ${open} temuan sekaligus` })
      .waitFor();
    await screenshot(page, 'findings-bulk-confirm');
    await dialog.getByRole('button', { name: `Konfirmasi ${open} temuan` }).click();
    await dialog.getByText(`${open} temuan telah diputuskan.`).waitFor();
    await expect(count('confirmed')).resolves.toBe(open);
    await expect(count('open')).resolves.toBe(0);
  });

  it("shows a desa operator only their desa's findings, and another desa's finding not at all", async () => {
    const [other] = await e2e.db.query<{ id: number }>(
      `SELECT id FROM findings WHERE desa_code = $1 AND rule_id = 'dead_death_register'`,
      [TANJUNGREJO],
    );
    const [own] = await e2e.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM findings WHERE desa_code = $1',
      [TAMBAKMAS],
    );
    const desaPage = await e2e.newPage();
    await logIn(desaPage, USERS.desa, '/findings?status=');
    await desaPage.getByRole('heading', { name: 'Temuan validasi' }).waitFor();
    await desaPage
      .getByTestId('table-total')
      .filter({ hasText: new RegExp(`^${own?.n} baris$`) })
      .waitFor();
    expect(own?.n).toBeGreaterThan(2);
    const desaCells = desaPage.getByRole('cell', { name: /^(Tambakmas|Tanjungrejo)$/ });
    await desaCells.first().waitFor();
    const names = await desaCells.allTextContents();
    expect(new Set(names)).toEqual(new Set(['Tambakmas']));
    // No bulk decisions for a desa operator.
    await expect(desaPage.getByRole('button', { name: 'Tindakan massal' }).count()).resolves.toBe(0);
    await screenshot(desaPage, 'findings-desa-operator');

    // The desa operator does not read identities in full: the evidence's NIK is masked.
    await desaPage.getByRole('link', { name: 'Karyadi' }).click();
    const nikRow = desaPage.getByTestId('compare-records').getByRole('row', { name: /^NIK/ });
    await nikRow.waitFor();
    expect(await nikRow.textContent()).not.toContain('3519011208850041');
    expect(await nikRow.textContent()).toMatch(/\*/);

    await desaPage.goto(`/findings/${other?.id}`);
    await expect(desaPage.getByRole('alert').textContent()).resolves.toContain('tidak ditemukan');
    await desaPage.context().close();
  });

  it('the Dinas makes field tasks of the open findings, each given at once to a pillar of its desa', async () => {
    const root = consoleActor('e2e', ALL_PERMISSIONS);
    await createMember(
      e2e.db,
      root,
      {
        name: 'Dewi Pendamping',
        pillar_type: 'pkh',
        active_from: '2025-01-01',
        areas: [TAMBAKMAS],
        login: { username: 'uji.dewi', password: PASSWORD },
      },
      { kabupatenCode: loadConfig({}).kabupatenCode, clock: () => new Date() },
    );
    const open = await e2e.db.query<{ desa_code: string; n: number }>(
      `SELECT desa_code, count(*)::int AS n FROM findings f WHERE status IN ('open', 'confirmed')
         AND NOT EXISTS (SELECT 1 FROM finding_tasks l WHERE l.finding_id = f.id)
       GROUP BY desa_code ORDER BY desa_code`,
    );
    const inTambakmas = open.find((o) => o.desa_code === TAMBAKMAS)?.n ?? 0;
    const elsewhere = open.reduce((sum, o) => sum + o.n, 0) - inTambakmas;
    expect(inTambakmas).toBeGreaterThan(0);
    expect(elsewhere).toBeGreaterThan(0);

    await page.goto('/pillars/tasks');
    await page.getByRole('heading', { name: 'Tugas verifikasi lapangan' }).waitFor();
    await expect(page.getByLabel('Langsung bagikan ke pilar desanya').isChecked()).resolves.toBe(true);
    // The date is typed day first, as the Indonesian page shows it, whatever the browser's locale.
    const due = page.getByLabel('Tenggat untuk tugas yang dibagikan');
    await due.fill('31-12-2030');
    await due.blur();
    await expect(due.inputValue()).resolves.toBe('31-12-2030');
    await page.getByRole('button', { name: 'Buat tugas dari temuan' }).click();
    const done = page.getByRole('status').filter({ hasText: 'tugas dibagikan' });
    await done.waitFor();
    await expect(done.textContent()).resolves.toContain(
      `${inTambakmas} tugas dibagikan; ${elsewhere} tugas di desa tanpa anggota pilar aktif.`,
    );
    await expect(done.textContent()).resolves.toContain('Desa tanpa anggota pilar: Tanjungrejo');
    await page.getByRole('cell', { name: 'Dewi Pendamping' }).first().waitFor();
    await screenshot(page, 'tasks-from-findings-assigned');
    const dues = await e2e.db.query<{ due_date: string }>(
      "SELECT DISTINCT due_date FROM pillar_tasks WHERE source = 'finding'",
    );
    expect(dues).toEqual([{ due_date: '2030-12-31' }]);
    const holders = await e2e.db.query<{ desa_code: string; member: string | null }>(
      `SELECT DISTINCT t.desa_code, m.name AS member FROM pillar_tasks t
       LEFT JOIN pillar_members m ON m.id = t.member_id WHERE t.source = 'finding' ORDER BY t.desa_code`,
    );
    expect(holders).toEqual([
      { desa_code: TAMBAKMAS, member: 'Dewi Pendamping' },
      { desa_code: TANJUNGREJO, member: null },
    ]);
  });
});
