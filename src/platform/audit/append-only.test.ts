import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/index.ts';
import { openTestDb } from '../db/testing.ts';
import { recordAudit } from './record.ts';

let db: Db;

beforeAll(async () => {
  db = await openTestDb();
  await recordAudit(db, { id: 'user:1', name: 'tester', ip: '192.0.2.1' }, { action: 'record.reveal' });
});
afterAll(async () => {
  await db.close();
});

describe(`the audit log (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it.each([
    ['UPDATE', `UPDATE audit_log SET action = 'nothing'`],
    ['DELETE', 'DELETE FROM audit_log'],
    ['TRUNCATE', 'TRUNCATE audit_log'],
  ])('refuses %s', async (operation, sql) => {
    await expect(db.query(sql)).rejects.toThrow(`audit_log is append-only: ${operation} is not allowed`);
    const rows = await db.query<{ action: string }>('SELECT action FROM audit_log');
    expect(rows).toEqual([{ action: 'record.reveal' }]);
  });

  it('refuses them inside a transaction too, leaving the row as it was', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`UPDATE audit_log SET ip = NULL`);
      }),
    ).rejects.toThrow(/append-only/);
    expect(await db.query('SELECT ip FROM audit_log')).toEqual([{ ip: '192.0.2.1' }]);
  });
});
