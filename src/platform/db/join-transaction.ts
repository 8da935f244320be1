import type { Db, Queryable } from './types.ts';

/**
 * A `Db` view of an open transaction, so a service that opens its own transaction (the registry's
 * status change, say) can be called inside another module's transaction and commit or roll back with
 * it: `transaction(fn)` runs fn on the same transaction instead of opening a second one.
 */
export function joinTransaction(tx: Queryable, engine: Db['engine']): Db {
  return {
    engine,
    query: (sql, params) => tx.query(sql, params),
    exec: (sql) => tx.exec(sql),
    copyRows: (table, columns, rows) => tx.copyRows(table, columns, rows),
    copyText: (table, columns, text) => tx.copyText(table, columns, text),
    transaction: (fn) => fn(tx),
    close: () => Promise.reject(new Error('a joined transaction is closed by its owner')),
  };
}
