import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { JobRunner } from '../../platform/jobs/index.ts';
import { householdRows, importRow, writeCsv } from '../registry/import/test-fixtures.ts';
import { startImportJob } from '../registry/index.ts';
import { actorOfUser } from './resolve-actor.ts';
import {
  accessTestApp,
  addUser,
  type Browser,
  DESA,
  importTwoQuarters,
  login,
  testClock,
} from './testing.ts';

let db: Db;
let app: FastifyInstance;
let data: Awaited<ReturnType<typeof importTwoQuarters>>;
const clock = testClock();
let kabupaten: Browser;
let desa: Browser;
let auditor: Browser;

beforeAll(async () => {
  db = await openTestDb();
  data = await importTwoQuarters(db);
  app = await accessTestApp(db, clock.now);
  await addUser(db, { username: 'kab', role: 'operator_kabupaten' });
  await addUser(db, { username: 'desa', role: 'operator_desa', areas: [DESA.own] });
  await addUser(db, { username: 'auditor', role: 'auditor' });
  await addUser(db, { username: 'bupati', role: 'pimpinan' });
  kabupaten = await login(app, 'kab');
  desa = await login(app, 'desa');
  auditor = await login(app, 'auditor');
});
afterAll(async () => {
  await app.close();
  await db.close();
});

interface AuditRow {
  actor_id: string | null;
  actor_name: string;
  actor_role: string | null;
  ip: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  desa_code: string | null;
  before: unknown;
  after: unknown;
  details: Record<string, unknown> | null;
}

async function lastAudit(action: string): Promise<AuditRow | undefined> {
  const rows = await db.query<AuditRow>(
    'SELECT * FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1',
    [action],
  );
  return rows[0];
}

const ownPersonId = () => data.own.personDbIds[0] as number;
const MASKED_NIK = /^3519\*{10}\d{2}$/;

describe('masking and reveal', () => {
  it('shows NIK and KK masked to a desa operator in searches and details', async () => {
    const nik = data.own.niks[0] as string;
    const found = (await desa.request({ url: `/api/persons?nik=${nik}` })).json();
    expect(found.items).toHaveLength(1);
    expect(found.items[0].nik).toMatch(MASKED_NIK);
    expect(found.items[0].nik).not.toBe(nik);
    expect(found.items[0].kk).toMatch(MASKED_NIK);
    const detail = (await desa.request({ url: `/api/persons/${ownPersonId()}` })).json();
    expect(detail.person.nik).toMatch(MASKED_NIK);
    const household = (await desa.request({ url: `/api/households/${detail.person.household_id}` })).json();
    expect(household.household.kk).toMatch(MASKED_NIK);
    for (const member of household.members) expect(member.nik).toMatch(MASKED_NIK);
  });

  it('reveals one full record on an explicit request, and audits who, where and which', async () => {
    const revealed = await desa.request({ method: 'POST', url: `/api/persons/${ownPersonId()}/reveal` });
    expect(revealed.statusCode).toBe(200);
    expect(data.own.niks).toContain(revealed.json().person.nik);
    expect(await lastAudit('record.reveal')).toMatchObject({
      actor_name: 'desa',
      actor_role: 'operator_desa',
      ip: expect.stringMatching(/^198\.51\./),
      subject_type: 'person',
      subject_id: String(ownPersonId()),
      desa_code: DESA.own,
    });
    const household = await desa.request({
      method: 'POST',
      url: `/api/households/${revealed.json().person.household_id}/reveal`,
    });
    expect(data.own.kks).toContain(household.json().household.kk);
    expect(await lastAudit('record.reveal')).toMatchObject({ subject_type: 'household' });
  });

  it('refuses a reveal to a role without personal data', async () => {
    const bupati = await login(app, 'bupati');
    const refused = await bupati.request({ method: 'POST', url: `/api/persons/${ownPersonId()}/reveal` });
    expect(refused.statusCode).toBe(403);
  });

  it('shows the full record to the kabupaten operator, and audits each detail read', async () => {
    const detail = (await kabupaten.request({ url: `/api/persons/${ownPersonId()}` })).json();
    expect(data.own.niks).toContain(detail.person.nik);
    expect(await lastAudit('record.read')).toMatchObject({
      actor_name: 'kab',
      subject_type: 'person',
      subject_id: String(ownPersonId()),
      desa_code: DESA.own,
    });
  });
});

describe('audit rows', () => {
  it('keep before and after of a status change with its reason', async () => {
    const id = data.other.personDbIds[0] as number;
    const changed = await kabupaten.request({
      method: 'POST',
      url: `/api/persons/${id}/status`,
      payload: { status: 'meninggal', reason: 'Akta kematian 12/2025' },
    });
    expect(changed.statusCode).toBe(200);
    expect(await lastAudit('record.status_change')).toMatchObject({
      actor_name: 'kab',
      subject_type: 'person',
      subject_id: String(id),
      before: { status: 'aktif' },
      after: { status: 'meninggal' },
      details: { reason: 'Akta kematian 12/2025' },
    });
  });

  it('record a committed import and every download of its rejected rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sinergi-audit-test-'));
    const path = writeCsv(join(dir, 'q4.csv'), [
      ...householdRows(501, { kode_desa: DESA.own }),
      importRow({ id_individu: 'X-1', nik: '99' }),
    ]);
    const actor = await actorOfUser(db, 1, { ip: '192.0.2.7' });
    if (!actor) throw new Error('user 1 missing');
    const { done } = await startImportJob(db, new JobRunner(db), actor, {
      path,
      fileName: 'q4.csv',
      period: '2025-Q4',
      kabupatenCode: '35.19',
    });
    const summary = await done;
    expect(await lastAudit('registry.import')).toMatchObject({
      actor_name: 'kab',
      ip: '192.0.2.7',
      subject_type: 'import',
      subject_id: String(summary.importId),
      details: { period: '2025-Q4', persons: 3, households: 1 },
    });
    const csv = await kabupaten.request({ url: `/api/imports/${summary.importId}/rejects.csv` });
    expect(csv.statusCode).toBe(200);
    expect(await lastAudit('export.import_rejects')).toMatchObject({
      actor_name: 'kab',
      subject_id: String(summary.importId),
    });
  });

  it('record logins, failed logins, logouts and rejected tokens with the address they came from', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'desa', password: 'bukan-sandinya-1' },
      remoteAddress: '192.0.2.99',
    });
    expect(await lastAudit('auth.login_failed')).toMatchObject({
      actor_name: 'desa',
      ip: '192.0.2.99',
      details: { username: 'desa', reason: 'wrong_password' },
    });
    const session = await login(app, 'desa');
    expect(await lastAudit('auth.login')).toMatchObject({ actor_name: 'desa', subject_type: 'user' });
    await session.request({ method: 'POST', url: '/api/auth/logout' });
    expect(await lastAudit('auth.logout')).toMatchObject({ actor_name: 'desa' });
    await app.inject({ url: '/api/periods', headers: { authorization: 'Bearer sng_palsu' } });
    expect(await lastAudit('auth.token_rejected')).toMatchObject({ actor_id: null });
  });
});

describe('the audit log', () => {
  it('is searched and exported by auditors only, and an export is itself audited', async () => {
    expect((await desa.request({ url: '/api/audit' })).statusCode).toBe(403);
    expect((await kabupaten.request({ url: '/api/audit.csv' })).statusCode).toBe(403);

    const reveals = (await auditor.request({ url: '/api/audit?action=record.reveal' })).json();
    expect(reveals.length).toBeGreaterThan(0);
    expect(reveals.every((row: AuditRow) => row.action === 'record.reveal')).toBe(true);
    const auth = (await auditor.request({ url: '/api/audit?action=auth.&limit=2' })).json();
    expect(auth).toHaveLength(2);
    const older = (await auditor.request({ url: `/api/audit?action=auth.&before=${auth[1].id}` })).json();
    expect(older[0].id).toBeLessThan(auth[1].id);
    const byActor = (await auditor.request({ url: '/api/audit?actor=kab' })).json();
    expect(byActor.every((row: AuditRow) => row.actor_name === 'kab')).toBe(true);

    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '=HYPERLINK("http://example.invalid")', password: 'apa-saja-123' },
      remoteAddress: '192.0.2.98',
    });
    const failed = await auditor.request({ url: '/api/audit.csv?action=auth.login_failed' });
    // Spreadsheets must show the typed username, not run it.
    expect(failed.body).toContain(`"'=hyperlink(""http://example.invalid"")"`);

    const csv = await auditor.request({ url: '/api/audit.csv?action=record.' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe(
      'id,at,actor_id,actor_name,actor_role,ip,action,subject_type,subject_id,desa_code,before,after,details',
    );
    expect(lines.slice(1).every((line) => line.includes(',record.'))).toBe(true);
    expect(await lastAudit('export.audit')).toMatchObject({
      actor_name: 'auditor',
      details: { filter: { action: 'record.' } },
    });
  });
});
