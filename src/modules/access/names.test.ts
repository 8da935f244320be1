import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { accessTestApp, addUser, type Browser, login, testClock } from './testing.ts';

let db: Db;
let app: FastifyInstance;
let operator: Browser;
let siti: number;

beforeAll(async () => {
  db = await openTestDb();
  app = await accessTestApp(db, testClock().now);
  await addUser(db, { username: 'kab', role: 'operator_kabupaten', full_name: 'Budi Santoso' });
  await addUser(db, { username: 'auditor', role: 'auditor' });
  await addUser(db, { username: 'bupati', role: 'pimpinan' });
  siti = (await addUser(db, { username: 'siti', role: 'operator_kabupaten', full_name: 'Siti Aminah' })).id;
  await db.query('UPDATE users SET active = false WHERE id = $1', [siti]);
  operator = await login(app, 'kab');
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const names = (browser: Browser, ids: string[]) =>
  browser.request({ url: `/api/users/names?${ids.map((id) => `id=${encodeURIComponent(id)}`).join('&')}` });

describe('names of who acted', () => {
  it('turns user ids into full names, deactivated users included, and leaves other ids out', async () => {
    const [budi] = await db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'kab'`);
    const response = await names(operator, [`user:${budi?.id}`, `user:${siti}`, 'cli:root', 'user:999999']);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      [`user:${budi?.id}`]: 'Budi Santoso',
      [`user:${siti}`]: 'Siti Aminah',
    });
    const one = await names(await login(app, 'auditor'), [`user:${siti}`]);
    expect(one.json()).toEqual({ [`user:${siti}`]: 'Siti Aminah' });
  });

  it('is refused to users whose pages show no one who acted, and to requests without ids', async () => {
    expect((await names(await login(app, 'bupati'), [`user:${siti}`])).statusCode).toBe(403);
    expect((await operator.request({ url: '/api/users/names' })).statusCode).toBe(400);
  });
});
