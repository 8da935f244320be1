import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { copyStatement, encodeCopyText } from './copy-format.ts';
import { parseDate, parseNumber, TYPE_OIDS } from './type-parsers.ts';
import type { Db, Queryable } from './types.ts';

export interface PgliteDb extends Db {
  /** The whole database as a tarball, which `loadDataDir` can start a new instance from. */
  dumpDataDir(): Promise<Blob>;
}

/** Opens the embedded database; dataDir undefined means in memory (tests). */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PgliteDb> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({
    dataDir,
    loadDataDir,
    extensions: { pg_trgm },
    parsers: {
      [TYPE_OIDS.int8]: parseNumber,
      [TYPE_OIDS.numeric]: parseNumber,
      [TYPE_OIDS.date]: parseDate,
    },
  });
  return {
    engine: 'pglite',
    ...queryable(pg),
    transaction: (fn) => pg.transaction((tx) => fn(queryable(tx))),
    close: () => pg.close(),
    dumpDataDir: async () => pg.dumpDataDir('none'),
  };
}

function queryable(target: PGlite | Transaction): Queryable {
  const copyText: Queryable['copyText'] = async (table, columns, text) => {
    if (text.length === 0) return 0;
    const statement = copyStatement(table, columns).replace('STDIN', "'/dev/blob'");
    const result = await target.query(statement, [], { blob: new Blob([text]) });
    return result.affectedRows ?? 0;
  };
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
    async copyRows(table, columns, rows) {
      return copyText(table, columns, encodeCopyText(rows));
    },
    copyText,
  };
}
