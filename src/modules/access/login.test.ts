import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { LOGIN_POLICY, SESSION_COOKIE, SESSION_POLICY } from './policy.ts';
import { accessTestApp, addUser, login, nextClientAddress, TEST_PASSWORD, testClock } from './testing.ts';

let db: Db;
let app: FastifyInstance;
const clock = testClock();

beforeAll(async () => {
  db = await openTestDb();
  app = await accessTestApp(db, clock.now);
  await addUser(db, { username: 'kab.satu', role: 'operator_kabupaten' });
  await addUser(db, { username: 'kab.dua', role: 'operator_kabupaten' });
  await addUser(db, { username: 'kab.tiga', role: 'operator_kabupaten' });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const loginAttempt = (username: string, password: string, cookie?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    cookies: cookie ? { [SESSION_COOKIE]: cookie } : {},
    remoteAddress: nextClientAddress(),
  });

const me = (cookie: string) => app.inject({ url: '/api/me', cookies: { [SESSION_COOKIE]: cookie } });

describe('login', () => {
  it('sets an httpOnly, SameSite=Strict session cookie, Secure only behind https', async () => {
    const plain = await loginAttempt('kab.satu', TEST_PASSWORD);
    expect(plain.statusCode).toBe(200);
    const cookie = plain.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeUndefined();
    expect(plain.json()).toMatchObject({
      user: { username: 'kab.satu', role: 'operator_kabupaten' },
      scope: { all: true },
      permissions: expect.arrayContaining(['registry.read', 'registry.read_identity']),
      csrf_token: expect.any(String),
    });

    // What a TLS-terminating proxy sends; believed only when SINERGI_TRUST_PROXY says so.
    const proxied = await accessTestApp(db, clock.now, { config: { trustProxy: true } });
    const secure = await proxied.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'kab.satu', password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(secure.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
    await proxied.close();
  });

  it('refuses a wrong password and an unknown user alike, and audits both', async () => {
    const wrong = await loginAttempt('kab.dua', 'salah-sekali-123');
    const unknown = await loginAttempt('tidak.ada', 'salah-sekali-123');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(unknown.json().error).toEqual(wrong.json().error);
    const rows = await db.query<{ actor_name: string; details: { reason: string } }>(
      `SELECT actor_name, details FROM audit_log WHERE action = 'auth.login_failed' ORDER BY id`,
    );
    expect(rows.map((r) => [r.actor_name, r.details.reason])).toEqual([
      ['kab.dua', 'wrong_password'],
      ['tidak.ada', 'unknown_user'],
    ]);
    // A success resets the count of wrong passwords in a row.
    expect((await loginAttempt('kab.dua', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('locks an account after repeated wrong passwords, even against the right one, until the lockout ends', async () => {
    for (let i = 1; i < LOGIN_POLICY.maxFailures; i++) {
      expect((await loginAttempt('kab.tiga', `salah-${i}-abcdef`)).statusCode).toBe(401);
    }
    const locking = await loginAttempt('kab.tiga', 'salah-terakhir-1');
    expect(locking.statusCode).toBe(423);
    expect(locking.json().error.code).toBe('account_locked');
    const right = await loginAttempt('kab.tiga', TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    const audit = await db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE actor_id = (SELECT 'user:' || id FROM users WHERE username = 'kab.tiga')
       ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toContain('auth.locked');

    clock.advance(LOGIN_POLICY.lockoutSeconds - 60);
    expect((await loginAttempt('kab.tiga', TEST_PASSWORD)).statusCode).toBe(423);
    clock.advance(61);
    expect((await loginAttempt('kab.tiga', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('limits the attempts one address may make, whatever the usernames', async () => {
    const from = { method: 'POST' as const, url: '/api/auth/login', remoteAddress: '203.0.113.9' };
    for (let i = 0; i < LOGIN_POLICY.attemptsPerMinutePerIp; i++) {
      const attempt = await app.inject({ ...from, payload: { username: `tebak${i}`, password: 'x' } });
      expect(attempt.statusCode).toBe(401);
    }
    const over = await app.inject({ ...from, payload: { username: 'kab.satu', password: TEST_PASSWORD } });
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('too_many_attempts');
  });

  it('rotates the session at login: the cookie the browser had stops working', async () => {
    const first = await login(app, 'kab.satu');
    const again = await loginAttempt('kab.satu', TEST_PASSWORD, first.cookie);
    const second = again.cookies.find((c) => c.name === SESSION_COOKIE)?.value as string;
    expect(second).not.toBe(first.cookie);
    expect(again.json().csrf_token).not.toBe(first.csrf);
    expect((await me(first.cookie)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('never stores the cookie token itself', async () => {
    const browser = await login(app, 'kab.satu');
    const stored = await db.query(`SELECT 1 FROM sessions WHERE token_hash = $1 OR csrf_token = $1`, [
      browser.cookie,
    ]);
    expect(stored).toHaveLength(0);
  });
});

describe('sessions', () => {
  it('end after the idle limit without a request', async () => {
    const browser = await login(app, 'kab.satu');
    clock.advance(SESSION_POLICY.idleSeconds - 120);
    expect((await me(browser.cookie)).statusCode).toBe(200);
    // The request just made keeps it alive for another idle period.
    clock.advance(SESSION_POLICY.idleSeconds - 120);
    expect((await me(browser.cookie)).statusCode).toBe(200);
    clock.advance(SESSION_POLICY.idleSeconds);
    const expired = await me(browser.cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('session_expired');
  });

  it('end at the absolute limit, however busy', async () => {
    const browser = await login(app, 'kab.satu');
    const step = SESSION_POLICY.idleSeconds / 2;
    let elapsed = 0;
    while (elapsed + step < SESSION_POLICY.absoluteSeconds) {
      clock.advance(step);
      elapsed += step;
      expect((await me(browser.cookie)).statusCode).toBe(200);
    }
    clock.advance(SESSION_POLICY.absoluteSeconds - elapsed);
    expect((await me(browser.cookie)).json().error.code).toBe('session_expired');
  });

  it('end at logout', async () => {
    const browser = await login(app, 'kab.satu');
    const out = await browser.request({ method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect((await me(browser.cookie)).statusCode).toBe(401);
  });

  it('answer 401 without a cookie and with a made-up one', async () => {
    expect((await app.inject('/api/persons')).json().error.code).toBe('unauthenticated');
    expect((await me('dibuat-buat')).statusCode).toBe(401);
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the session CSRF token, and audits it', async () => {
    const browser = await login(app, 'kab.satu');
    const missing = await app.inject({
      method: 'POST',
      url: '/api/persons/1/status',
      cookies: { [SESSION_COOKIE]: browser.cookie },
      payload: { status: 'meninggal', reason: 'uji' },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf_invalid');
    const wrong = await browser.request({
      method: 'POST',
      url: '/api/persons/1/status',
      headers: { 'x-csrf-token': 'bukan-token-ini' },
      payload: { status: 'meninggal', reason: 'uji' },
    });
    expect(wrong.statusCode).toBe(403);
    // With the token the request goes through to the service (there is no person #1 here).
    const right = await browser.request({
      method: 'POST',
      url: '/api/persons/1/status',
      payload: { status: 'meninggal', reason: 'uji' },
    });
    expect(right.statusCode).toBe(404);
    const audited = await db.query(`SELECT 1 FROM audit_log WHERE action = 'auth.csrf_rejected'`);
    expect(audited).toHaveLength(2);
  });

  it("refuses one session's token for another session", async () => {
    const a = await login(app, 'kab.satu');
    const b = await login(app, 'kab.dua');
    const crossed = await a.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'x-csrf-token': b.csrf },
    });
    expect(crossed.statusCode).toBe(403);
  });
});

describe('API tokens', () => {
  it('authenticate machine clients with a subset of the owner permissions until revoked', async () => {
    const browser = await login(app, 'kab.satu');
    const beyond = await browser.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'terlalu luas', permissions: ['audit.read'] },
    });
    expect(beyond.statusCode).toBe(400);
    const created = await browser.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'sistem desa', permissions: ['registry.aggregates'], expires_in_days: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^sng_/);
    const [audited] = await db.query(`SELECT after FROM audit_log WHERE action = 'token.create'`);
    expect(audited).toEqual({
      after: { name: 'sistem desa', permissions: ['registry.aggregates'], expires_at: expect.any(String) },
    });
    const bearer = { authorization: `Bearer ${token}` };

    const periods = await app.inject({ url: '/api/periods', headers: bearer });
    expect(periods.statusCode).toBe(200);
    // registry.read is the user's, but not the token's.
    expect((await app.inject({ url: '/api/persons', headers: bearer })).statusCode).toBe(403);
    // A token cannot mint tokens, and needs no CSRF header because no cookie is involved.
    const minting = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer,
      payload: { name: 'anak', permissions: ['registry.aggregates'] },
    });
    expect(minting.json().error.code).toBe('session_required');

    const listed = (await browser.request({ url: '/api/tokens' })).json();
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await browser.request({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/periods', headers: bearer })).statusCode).toBe(401);

    const expiring = (
      await browser.request({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'sebentar', permissions: ['registry.aggregates'], expires_in_days: 1 },
      })
    ).json();
    clock.advance(24 * 60 * 60);
    const late = await app.inject({
      url: '/api/periods',
      headers: { authorization: `Bearer ${expiring.token}` },
    });
    expect(late.statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('are changed with the current one, end the other sessions, and follow the policy', async () => {
    await addUser(db, { username: 'ganti.sandi', role: 'pimpinan' });
    const here = await login(app, 'ganti.sandi');
    const elsewhere = await login(app, 'ganti.sandi');
    const weak = await here.request({
      method: 'POST',
      url: '/api/me/password',
      payload: { current_password: TEST_PASSWORD, new_password: 'pendek1' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('weak_password');
    const wrongCurrent = await here.request({
      method: 'POST',
      url: '/api/me/password',
      payload: { current_password: 'bukan-sandi-1', new_password: 'sandi-baru-yang-kuat-7' },
    });
    expect(wrongCurrent.statusCode).toBe(401);
    const changed = await here.request({
      method: 'POST',
      url: '/api/me/password',
      payload: { current_password: TEST_PASSWORD, new_password: 'sandi-baru-yang-kuat-7' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(here.cookie)).statusCode).toBe(200);
    expect((await me(elsewhere.cookie)).statusCode).toBe(401);
    expect((await loginAttempt('ganti.sandi', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await loginAttempt('ganti.sandi', 'sandi-baru-yang-kuat-7')).statusCode).toBe(200);
    const [audited] = await db.query(
      `SELECT actor_name FROM audit_log WHERE action = 'auth.password_changed' ORDER BY id DESC LIMIT 1`,
    );
    expect(audited).toEqual({ actor_name: 'ganti.sandi' });
  });

  it('are stored as argon2id hashes', async () => {
    const [row] = await db.query<{ password_hash: string }>(
      `SELECT password_hash FROM users WHERE username = 'kab.satu'`,
    );
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
