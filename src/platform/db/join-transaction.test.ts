import { afterAll, beforeAll, expect, it } from 'vitest';
import { joinTransaction } from './join-transaction.ts';
import { openTestDb } from './testing.ts';
import type { Db } from './types.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
  await db.exec('CREATE TABLE joined (value text)');
});
afterAll(() => db.close());

const insertInOwnTransaction = (target: Db, value: string) =>
  target.transaction((tx) => tx.query('INSERT INTO joined VALUES ($1)', [value]));

it('runs a nested transaction on the outer one, so both commit together', async () => {
  await db.transaction((tx) => insertInOwnTransaction(joinTransaction(tx, db.engine), 'kept'));
  expect(await db.query('SELECT value FROM joined')).toEqual([{ value: 'kept' }]);
});

it('rolls the nested work back when the outer transaction fails', async () => {
  await expect(
    db.transaction(async (tx) => {
      await insertInOwnTransaction(joinTransaction(tx, db.engine), 'lost');
      throw new Error('outer work failed');
    }),
  ).rejects.toThrow('outer work failed');
  expect(await db.query('SELECT value FROM joined ORDER BY value')).toEqual([{ value: 'kept' }]);
});
