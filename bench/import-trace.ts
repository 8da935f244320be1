/**
 * Times every statement an import sends, so a slow phase can be found by measurement: wraps a Db
 * and prints, on stderr, each statement's milliseconds with its first words (BENCH_TRACE=1 in
 * bench/import-once.ts). The gaps between statements are the Node side (parsing, the hash).
 */
import type { Db, Queryable } from '../src/platform/db/index.ts';

const started = performance.now();

function traced(target: Queryable, label: string): Queryable {
  const time = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    const from = performance.now();
    try {
      return await run();
    } finally {
      const ms = performance.now() - from;
      // Batches of COPY are many and short: only the slow ones are worth a line.
      if (ms >= 50 || !what.startsWith('COPY'))
        process.stderr.write(
          `${((from - started) / 1000).toFixed(1).padStart(7)}s ${ms.toFixed(0).padStart(7)} ms ${label}${what.replace(/\s+/g, ' ').slice(0, 110)}\n`,
        );
    }
  };
  return {
    query: (sql, params) => time(sql, () => target.query(sql, params)),
    exec: (sql) => time(sql, () => target.exec(sql)),
    copyRows: (table, columns, rows) => time(`COPY ${table}`, () => target.copyRows(table, columns, rows)),
    copyText: (table, columns, text) => time(`COPY ${table}`, () => target.copyText(table, columns, text)),
  };
}

export function traceDb(db: Db): Db {
  return {
    ...traced(db, ''),
    engine: db.engine,
    transaction: (fn) => db.transaction((tx) => fn(traced(tx, 'tx '))),
    close: () => db.close(),
  };
}
