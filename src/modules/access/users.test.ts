import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { LOGIN_POLICY, SESSION_COOKIE } from './policy.ts';
import { accessTestApp, addUser, type Browser, login, TEST_PASSWORD, testClock } from './testing.ts';

let db: Db;
let app: FastifyInstance;
let admin: Browser;
const clock = testClock();

beforeAll(async () => {
  db = await openTestDb();
  app = await accessTestApp(db, clock.now);
  await addUser(db, { username: 'admin', role: 'admin' });
  await addUser(db, { username: 'kab', role: 'operator_kabupaten' });
  admin = await login(app, 'admin');
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const create = (body: Record<string, unknown>) =>
  admin.request({
    method: 'POST',
    url: '/api/users',
    payload: { full_name: 'Pengguna Uji', password: TEST_PASSWORD, areas: [], ...body },
  });

const me = (browser: Browser) =>
  app.inject({ url: '/api/me', cookies: { [SESSION_COOKIE]: browser.cookie } });

async function lastAudit(action: string) {
  const [row] = await db.query('SELECT * FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1', [
    action,
  ]);
  return row;
}

describe('user management', () => {
  it('is for admins only', async () => {
    const kab = await login(app, 'kab');
    expect((await kab.request({ url: '/api/users' })).statusCode).toBe(403);
    expect((await kab.request({ method: 'POST', url: '/api/users', payload: {} })).statusCode).toBe(400);
    const roles = (await admin.request({ url: '/api/roles' })).json();
    expect(roles.find((r: { name: string }) => r.name === 'pimpinan')).toMatchObject({
      scoped: false,
      // Counts and evaluations only: no permission that reads a personal row.
      permissions: ['pillars.evaluation', 'registry.aggregates', 'validation.aggregates'],
    });
  });

  it('creates a desa operator whose scope is their desa, and audits it without the password', async () => {
    const created = await create({
      username: 'Op.Tambakmas',
      role: 'operator_desa',
      areas: ['35.19.01.2001'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      username: 'op.tambakmas',
      areas: [{ code: '35.19.01.2001', name: 'Tambakmas', level: 'desa_kelurahan' }],
    });
    expect(created.body).not.toMatch(/password_hash|argon2/);
    const audit = await lastAudit('user.create');
    expect(audit).toMatchObject({ actor_name: 'admin', after: { role: 'operator_desa' } });
    expect(JSON.stringify(audit)).not.toContain(TEST_PASSWORD);
    const user = await login(app, 'op.tambakmas');
    expect(user.me).toMatchObject({ scope: { all: false, desa_codes: ['35.19.01.2001'] } });
  });

  it('expands a kecamatan into its desa for a pilar', async () => {
    await create({ username: 'pilar.kebonsari', role: 'pilar', pillar_type: 'tksk', areas: ['35.19.01'] });
    const pilar = await login(app, 'pilar.kebonsari');
    const desa = await db.query<{ code: string }>(
      `SELECT code FROM regions WHERE parent_code = '35.19.01' ORDER BY code`,
    );
    expect((pilar.me.scope as { desa_codes: string[] }).desa_codes).toEqual(desa.map((d) => d.code));
    expect(pilar.me).toMatchObject({ user: { pillar_type: 'tksk' }, areas: [{ level: 'kecamatan' }] });
  });

  it.each([
    ['a kecamatan for a desa operator', { role: 'operator_desa', areas: ['35.19.01'] }, 'areas'],
    ['a desa of another kabupaten', { role: 'operator_desa', areas: ['35.20.01.2001'] }, 'areas'],
    ['no area for a scoped role', { role: 'slrt', areas: [] }, 'wilayah'],
    ['areas for a district-wide role', { role: 'pimpinan', areas: ['35.19.01'] }, 'seluruh kabupaten'],
    ['a pilar without its type', { role: 'pilar', areas: ['35.19.01'] }, 'pillar_type'],
    ['an OPD partner without its agency', { role: 'opd' }, 'agency'],
    ['an unknown role', { role: 'raja' }, 'raja'],
    ['a weak password', { role: 'pimpinan', password: 'rahasia' }, 'minimal 10 karakter'],
    ['a bad username', { role: 'pimpinan', username: 'a b' }, 'Nama pengguna'],
  ])('refuses %s', async (_case, body, mention) => {
    const refused = await create({ username: 'ditolak', ...body });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json().error)).toContain(mention);
  });

  it('refuses a username that is taken', async () => {
    expect((await create({ username: 'kab', role: 'pimpinan' })).statusCode).toBe(409);
  });

  it("changes a user's areas with effect on their next request, keeping before and after", async () => {
    const user = await login(app, 'op.tambakmas');
    const id = (user.me.user as { id: number }).id;
    const changed = await admin.request({
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { areas: ['35.19.01.2002', '35.19.01.2003'] },
    });
    expect(changed.statusCode).toBe(200);
    expect((await me(user)).json().scope.desa_codes).toEqual(['35.19.01.2002', '35.19.01.2003']);
    expect(await lastAudit('user.update')).toMatchObject({
      subject_id: String(id),
      before: { areas: ['35.19.01.2001'] },
      after: { areas: ['35.19.01.2002', '35.19.01.2003'] },
    });
  });

  it('ends the sessions of a deactivated user and refuses their login', async () => {
    const { id } = (await create({ username: 'akan.keluar', role: 'auditor' })).json();
    const user = await login(app, 'akan.keluar');
    await admin.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { active: false } });
    expect((await me(user)).statusCode).toBe(401);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'akan.keluar', password: TEST_PASSWORD },
      remoteAddress: '192.0.2.50',
    });
    expect(again.statusCode).toBe(401);
  });

  it('does not let an admin lock themselves out', async () => {
    const id = (admin.me.user as { id: number }).id;
    const self = await admin.request({
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { active: false },
    });
    expect(self.statusCode).toBe(400);
  });

  it('sets a new password (ending sessions) and lifts a lockout', async () => {
    const { id } = (await create({ username: 'lupa.sandi', role: 'pimpinan' })).json();
    const user = await login(app, 'lupa.sandi');
    const reset = await admin.request({
      method: 'POST',
      url: `/api/users/${id}/password`,
      payload: { password: 'sandi-baru-dari-admin-9' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await me(user)).statusCode).toBe(401);
    await login(app, 'lupa.sandi', 'sandi-baru-dari-admin-9');

    for (let i = 0; i < LOGIN_POLICY.maxFailures; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'lupa.sandi', password: `keliru-${i}-xyz` },
        remoteAddress: '192.0.2.51',
      });
    }
    const locked = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lupa.sandi', password: 'sandi-baru-dari-admin-9' },
      remoteAddress: '192.0.2.51',
    });
    expect(locked.statusCode).toBe(423);
    expect((await admin.request({ method: 'POST', url: `/api/users/${id}/unlock` })).statusCode).toBe(204);
    await login(app, 'lupa.sandi', 'sandi-baru-dari-admin-9');
    expect(await lastAudit('user.unlock')).toMatchObject({ subject_id: String(id) });
    expect(await lastAudit('user.password_reset')).toMatchObject({ subject_id: String(id) });
  });

  it("lets an admin revoke another user's API token, but not a user someone else's", async () => {
    const kab = await login(app, 'kab');
    const token = (
      await kab.request({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'sinkron', permissions: ['registry.read'] },
      })
    ).json();
    const other = await login(app, 'pilar.kebonsari');
    expect((await other.request({ method: 'DELETE', url: `/api/tokens/${token.id}` })).statusCode).toBe(404);
    expect((await admin.request({ method: 'DELETE', url: `/api/tokens/${token.id}` })).statusCode).toBe(204);
    expect(
      (await app.inject({ url: '/api/persons', headers: { authorization: `Bearer ${token.token}` } }))
        .statusCode,
    ).toBe(401);
    expect(await lastAudit('token.revoke')).toMatchObject({
      actor_name: 'admin',
      subject_id: String(token.id),
    });
  });
});
