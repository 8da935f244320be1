import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleActor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { createDemoUsers, DEMO_PASSWORD, demoUsersPresent } from './demo-users.ts';
import { ALL_PERMISSIONS } from './permissions.ts';
import { accessTestApp, DESA, importTwoQuarters, login, testClock } from './testing.ts';

let db: Db;
let app: FastifyInstance;

beforeAll(async () => {
  db = await openTestDb();
  await importTwoQuarters(db);
  app = await accessTestApp(db, testClock().now);
  const console = consoleActor('demo', ALL_PERMISSIONS);
  await createDemoUsers(db, console, '35.19');
  // A second run (a restart half-way through the demo load) adds nothing and fails on nothing.
  await createDemoUsers(db, console, '35.19');
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('demo users', () => {
  it('exist for every role and log in with the demo password', async () => {
    const users = await demoUsersPresent(db);
    const roles = await db.query<{ name: string }>('SELECT name FROM roles ORDER BY name');
    expect(users.map((u) => u.role).sort()).toEqual(roles.map((r) => r.name));
    for (const user of users) await login(app, user.username, DEMO_PASSWORD);
  });

  it('give the desa operator a desa with households, and the pilar its kecamatan', async () => {
    const desa = await login(app, 'demo.desa', DEMO_PASSWORD);
    expect(desa.me.scope).toEqual({ all: false, desa_codes: [DESA.own] });
    const pilar = await login(app, 'demo.pilar', DEMO_PASSWORD);
    expect(pilar.me.areas).toEqual([{ code: '35.19.01', name: expect.any(String), level: 'kecamatan' }]);
    expect((pilar.me.scope as { desa_codes: string[] }).desa_codes).toContain(DESA.neighbour);
  });
});
