import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAMBAKMAS } from './dataset.ts';
import { type E2e, logIn, PASSWORD, screenshot, startE2e, USERS } from './harness.ts';

let e2e: E2e;
let phone: Page;
let field: BrowserContext;
let householdId: number;

const PILAR = { username: 'uji.pilar' };
// A 2x2 PNG: the field app re-encodes it to JPEG before keeping it, the server checks the bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** The real API as one user: logs in, then sends the session cookie and CSRF token with each write. */
async function apiAs(username: string) {
  const login = await fetch(`${e2e.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrf_token } = (await login.json()) as { csrf_token: string };
  /** POST the body (expecting 201 unless told), or GET without one. */
  return async (path: string, body?: unknown, status?: number) => {
    const response = await fetch(`${e2e.baseUrl}${path}`, {
      ...(body === undefined
        ? { headers: { cookie } }
        : {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf_token },
            body: JSON.stringify(body),
          }),
    });
    const json = await response.json();
    expect(response.status, JSON.stringify(json)).toBe(status ?? (body === undefined ? 200 : 201));
    return json;
  };
}

/** A write answered 200 (apiAs's writes expect 201, a creation). */
async function fetchOk(api: Awaited<ReturnType<typeof apiAs>>, path: string, body: unknown) {
  return api(path, body, 200);
}

const visitsOfTask = async (taskId: number) =>
  (
    await e2e.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pillar_visits WHERE task_id = $1', [
      taskId,
    ])
  )[0]?.n;

let taskId: number;

/**
 * A PKH facilitator of Tambakmas with a login, and a task for them: does Wagiman's household still
 * live at its address? Made through the API as the admin and the Dinas operator would.
 */
beforeAll(async () => {
  e2e = await startE2e();
  const today = new Date().toISOString().slice(0, 10);
  const admin = await apiAs(USERS.admin.username);
  const member = await admin('/api/pillars/members', {
    name: 'Siti Pendamping',
    pillar_type: 'pkh',
    active_from: today,
    areas: [TAMBAKMAS],
    login: { username: PILAR.username, password: PASSWORD },
  });
  const [household] = await e2e.db.query<{ household_id: number }>(
    "SELECT household_id FROM persons WHERE name = 'Wagiman'",
  );
  householdId = household?.household_id as number;
  const dinas = await apiAs(USERS.kabupaten.username);
  const task = await dinas('/api/pillars/tasks', {
    kind: 'household_exists',
    household_id: householdId,
    member_id: member.id,
  });
  taskId = task.task.id;
  phone = await e2e.newPage({ width: 390, height: 844 });
  field = phone.context();
  await field.grantPermissions(['geolocation'], { origin: e2e.baseUrl });
  await field.setGeolocation({ latitude: -7.7366, longitude: 111.5321, accuracy: 15 });
});
afterAll(() => e2e?.close());

describe('the field app on a phone, without a signal', () => {
  it('downloads the pilar’s tasks, then keeps a visit with a photo on the phone while offline', async () => {
    await logIn(phone, PILAR, '/field');
    await phone.getByRole('heading', { name: 'Tugas saya' }).waitFor();
    const card = phone.getByRole('article', { name: 'Wagiman' });
    await card.getByText('Keluarga masih ada?').waitFor();
    await screenshot(phone, 'field-tasks');

    // The service worker has kept the app on the phone: it opens again without a signal, with the
    // task list the phone kept.
    await phone.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await field.setOffline(true);
    await phone.reload();
    await phone.getByTestId('connection').filter({ hasText: 'Tanpa sinyal' }).waitFor();
    await phone.getByTestId('fetched-at').filter({ hasText: 'dari penyimpanan perangkat' }).waitFor();
    await card.getByRole('link', { name: 'Kunjungi' }).click();
    await phone.getByRole('heading', { name: 'Kunjungan: Wagiman' }).waitFor();
    await phone.getByRole('radio', { name: 'Pindah' }).check();
    await phone.getByLabel('Catatan').fill('Keluarga pindah ke Surabaya sejak Agustus; rumah kosong.');
    await phone.getByRole('button', { name: 'Ambil lokasi' }).click();
    await phone.getByTestId('position').waitFor();
    await phone
      .locator('input[type=file]')
      .setInputFiles({ name: 'rumah.png', mimeType: 'image/png', buffer: PNG });
    // The preview is drawn from the photo kept on the phone.
    await expect
      .poll(() =>
        phone
          .getByRole('img', { name: 'Foto kunjungan' })
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBe(2);
    await screenshot(phone, 'field-visit-offline');
    await phone.getByRole('button', { name: 'Simpan kunjungan' }).click();

    await phone.getByTestId('outbox-pending').filter({ hasText: '1 kunjungan menunggu dikirim' }).waitFor();
    await phone.getByRole('article', { name: 'Wagiman' }).getByText('Kunjungan tersimpan').waitFor();
    await screenshot(phone, 'field-outbox-offline');
    expect(await visitsOfTask(taskId)).toBe(0);
  });

  it('sends the visit when the signal returns, once, even when the first answer is lost', async () => {
    // The first send reaches the server, but its answer never reaches the phone.
    let sends = 0;
    let firstAnswered = false;
    await phone.route('**/api/pillars/visits/multipart', async (route) => {
      sends++;
      if (sends > 1) return route.continue();
      const response = await route.fetch();
      expect(response.status()).toBe(201);
      firstAnswered = true;
      await route.abort('connectionreset');
    });
    await field.setOffline(false);
    await phone.getByTestId('connection').filter({ hasText: 'Terhubung' }).waitFor();
    await expect.poll(() => firstAnswered).toBe(true);
    expect(await visitsOfTask(taskId)).toBe(1);
    // Still waiting on the phone, so the pilar sends it again: the server answers the first visit.
    await phone.getByTestId('outbox-pending').waitFor();
    await phone.getByRole('button', { name: 'Kirim sekarang' }).click();
    await phone.getByTestId('outbox-state-sent').waitFor();
    expect(sends).toBe(2);
    expect(await visitsOfTask(taskId)).toBe(1);
    const [visit] = await e2e.db.query<{ photo_type: string; lat: number; notes: string }>(
      'SELECT photo_type, lat, notes FROM pillar_visits WHERE task_id = $1',
      [taskId],
    );
    expect(visit).toMatchObject({ photo_type: 'image/jpeg', lat: -7.7366 });
    await screenshot(phone, 'field-outbox-sent');
  });

  it('an operator approves the change the visit proposes, and the registry follows', async () => {
    const desk = await e2e.newPage();
    await logIn(desk, USERS.kabupaten);
    await desk.getByRole('link', { name: 'Usulan perubahan' }).click();
    await desk.getByRole('heading', { name: 'Usulan perubahan dari lapangan' }).waitFor();
    const request = desk.getByRole('article').filter({ hasText: 'Wagiman' });
    await request.getByText('Ubah status menjadi “Pindah”').waitFor();
    await request.getByText(/^Catatan kunjungan: Keluarga pindah ke Surabaya/).waitFor();
    await expect
      .poll(() =>
        request
          .getByRole('img', { name: 'Foto kunjungan' })
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBe(2);
    await screenshot(desk, 'change-request-pending');
    await request.getByRole('button', { name: 'Setujui' }).click();
    await desk.getByText('Tidak ada usulan perubahan di sini.').waitFor();
    // The card has left the pending list; a line says what became of it.
    await desk
      .getByRole('status')
      .filter({ hasText: /^Usulan #\d+ \(Wagiman\) disetujui dan sudah diterapkan ke registri\.$/ })
      .waitFor();
    const [household] = await e2e.db.query<{ status: string }>(
      'SELECT status FROM households WHERE id = $1',
      [householdId],
    );
    expect(household?.status).toBe('pindah');
    const history = await e2e.db.query<{ to_status: string }>(
      "SELECT to_status FROM status_history WHERE subject_type = 'household' AND subject_id = $1",
      [householdId],
    );
    expect(history.map((h) => h.to_status)).toContain('pindah');
    await desk.getByText('Disetujui', { exact: true }).click();
    await desk
      .getByRole('article')
      .filter({ hasText: 'Wagiman' })
      .getByText(/Disetujui oleh Rina Operator Dinsos/)
      .waitFor();
    await screenshot(desk, 'change-request-approved');
  });
  it('the Dinas asks for a field check of a household and hands it out; the pilar’s list gets it', async () => {
    const desk = await e2e.newPage();
    await logIn(desk, USERS.kabupaten);
    const [sukirman] = await e2e.db.query<{ household_id: number }>(
      "SELECT household_id FROM persons WHERE name = 'Sukirman'",
    );
    await desk.goto(`/registry/households/${sukirman?.household_id}`);
    await desk.getByRole('button', { name: 'Minta verifikasi lapangan' }).click();
    const dialog = desk.getByRole('dialog');
    await dialog
      .getByLabel('Pertanyaan untuk petugas (boleh kosong)')
      .fill('Apakah rumahnya sudah direnovasi?');
    await dialog.getByRole('button', { name: 'Buat tugas' }).click();
    await desk.getByRole('heading', { name: /^Tugas #\d+$/ }).waitFor();
    await desk.getByText('Apakah rumahnya sudah direnovasi?').waitFor();
    await desk.getByText('Petugas: Belum dibagikan').waitFor();

    await desk.getByRole('link', { name: 'Tugas verifikasi' }).click();
    await desk.getByRole('heading', { name: 'Tugas verifikasi lapangan' }).waitFor();
    await desk.getByRole('button', { name: 'Bagikan otomatis' }).click();
    await desk.getByText(/^1 tugas dibagikan; 0 tugas di desa tanpa anggota pilar aktif/).waitFor();
    await desk.getByRole('cell', { name: 'Siti Pendamping' }).waitFor();
    await screenshot(desk, 'tasks-assigned');

    await phone.getByRole('button', { name: 'Perbarui daftar' }).click();
    await phone.getByRole('article', { name: 'Sukirman' }).getByText('Periksa ulang keluarga').waitFor();
  });
  it('records the pilar’s attendance at a bimtek from its QR code, once', async () => {
    const dinas = await apiAs(USERS.kabupaten.username);
    const event = await dinas('/api/pillars/events', {
      kind: 'bimtek',
      title: 'Bimtek Verval DTSEN',
      event_date: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10),
      place: 'Aula Dinas Sosial',
      invited_types: ['pkh'],
      counts_toward_targets: true,
    });
    const { token } = await dinas(`/api/pillars/events/${event.id}/checkin-token`);
    const checkin = phone.getByRole('region', { name: 'Hadir di kegiatan (bimtek, FGD)' });
    await checkin.getByLabel('Kode QR kegiatan').fill(token);
    await checkin.getByRole('button', { name: 'Catat kehadiran' }).click();
    await checkin.getByText('Kehadiran Anda di “Bimtek Verval DTSEN” tercatat.').waitFor();
    await checkin.getByRole('button', { name: 'Catat kehadiran' }).click();
    await checkin.getByText('Kehadiran Anda di “Bimtek Verval DTSEN” sudah tercatat sebelumnya.').waitFor();
    const attendance = await e2e.db.query('SELECT 1 FROM pillar_event_attendance WHERE event_id = $1', [
      event.id,
    ]);
    expect(attendance).toHaveLength(1);
  });
  it('shows the approver what changed in the record since the task was sent, and applies only once they have seen it', async () => {
    const sukirman = phone.getByRole('article', { name: 'Sukirman' });
    await sukirman.getByRole('link', { name: 'Kunjungi' }).click();
    await phone.getByRole('radio', { name: 'Ada di alamat ini' }).check();
    await phone.getByPlaceholder('Pilih desil').click();
    await phone.getByRole('option', { name: '5', exact: true }).click();
    await phone.getByRole('button', { name: 'Simpan kunjungan' }).click();
    await phone.getByTestId('outbox-state-sent').nth(1).waitFor();

    // Meanwhile the Dinas corrects the household's address from the musdes.
    const [household] = await e2e.db.query<{ household_id: number }>(
      "SELECT household_id FROM persons WHERE name = 'Sukirman'",
    );
    const dinas = await apiAs(USERS.kabupaten.username);
    await fetchOk(dinas, `/api/households/${household?.household_id}/corrections`, {
      field: 'address',
      value: 'Jl. Melati 7',
      reason: 'Alamat diperbarui di musdes',
    });

    const desk = await e2e.newPage();
    await logIn(desk, USERS.kabupaten, '/pillars/changes');
    const request = desk.getByRole('article').filter({ hasText: 'Sukirman' });
    await request.getByText('Koreksi Desil: 1 → 5').waitFor();
    const conflict = request.getByRole('alert').filter({ hasText: 'Data sudah berubah sejak tugas dikirim' });
    await conflict.getByText(/^Alamat: saat tugas .+, sekarang Jl\. Melati 7$/).waitFor();
    const approve = request.getByRole('button', { name: 'Setujui' });
    expect(await approve.isDisabled()).toBe(true);
    await screenshot(desk, 'change-request-conflict');
    await request.getByLabel('Saya sudah memeriksa perbedaannya').check();
    await approve.click();
    await desk.getByText('Tidak ada usulan perubahan di sini.').waitFor();
    const [after] = await e2e.db.query<{ desil: number; address: string }>(
      'SELECT desil, address FROM households WHERE id = $1',
      [household?.household_id],
    );
    // The field's desil and the Dinas's address: neither overwrote the other.
    expect(after).toEqual({ desil: 5, address: 'Jl. Melati 7' });
  });
  it('shows a visit the server refuses (its task was cancelled meanwhile) with the reason, and lets the pilar discard it', async () => {
    const dinas = await apiAs(USERS.kabupaten.username);
    const [suparno] = await e2e.db.query<{ household_id: number }>(
      "SELECT household_id FROM persons WHERE name = 'Suparno'",
    );
    const [member] = await e2e.db.query<{ id: number }>(
      "SELECT id FROM pillar_members WHERE name = 'Siti Pendamping'",
    );
    const made = await dinas('/api/pillars/tasks', {
      kind: 'household_exists',
      household_id: suparno?.household_id,
      member_id: member?.id,
    });
    await phone.getByRole('button', { name: 'Perbarui daftar' }).click();
    const card = phone.getByRole('article', { name: 'Suparno' });
    await card.waitFor();
    await field.setOffline(true);
    await card.getByRole('link', { name: 'Kunjungi' }).click();
    await phone.getByRole('radio', { name: 'Ada di alamat ini' }).check();
    await phone.getByRole('button', { name: 'Simpan kunjungan' }).click();
    await phone.getByTestId('outbox-pending').waitFor();

    await fetchOk(dinas, `/api/pillars/tasks/${made.task.id}/cancel`, {
      reason: 'Sudah diverifikasi di musdes',
    });
    await field.setOffline(false);
    const outbox = phone.getByTestId('outbox');
    await outbox.getByTestId('outbox-state-failed').waitFor();
    await outbox.getByText(`Tugas #${made.task.id} sudah dibatalkan; kunjungan tidak diterima`).waitFor();
    await screenshot(phone, 'field-outbox-refused');
    await outbox.getByRole('button', { name: 'Buang' }).click();
    await outbox.getByRole('button', { name: 'Yakin buang?' }).click();
    await outbox.getByTestId('outbox-state-failed').waitFor({ state: 'detached' });
    expect(await visitsOfTask(made.task.id)).toBe(0);
  });
});
