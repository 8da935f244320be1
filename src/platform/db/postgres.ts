import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyStatement, encodeCopyText } from './copy-format.ts';
import { parseDate, parseNumber, TYPE_OIDS } from './type-parsers.ts';
import type { Db, Queryable } from './types.ts';

const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === TYPE_OIDS.int8 || oid === TYPE_OIDS.numeric) return parseNumber;
    if (oid === TYPE_OIDS.date) return parseDate;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** Connects to a PostgreSQL server (>= 15) through a small pool. */
export async function openPostgres(connectionString: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString, types, max: 8 });
  // Fail at start, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  return {
    engine: 'postgres',
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function queryable(target: pg.Pool | pg.PoolClient): Queryable {
  const copyText: Queryable['copyText'] = async (table, columns, text) => {
    if (text.length === 0) return 0;
    const client = 'release' in target ? target : await target.connect();
    try {
      const stream = client.query(copyFrom(copyStatement(table, columns)));
      await pipeline(Readable.from([text]), stream);
      return stream.rowCount ?? 0;
    } finally {
      if (client !== target) (client as pg.PoolClient).release();
    }
  };
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query(sql, params as unknown[]);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await target.query(sql);
    },
    async copyRows(table, columns, rows) {
      return copyText(table, columns, encodeCopyText(rows));
    },
    copyText,
  };
}
