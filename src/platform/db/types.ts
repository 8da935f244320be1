/** One interface over embedded PGlite and a PostgreSQL server. */
export interface Queryable {
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-loads rows with COPY ... FROM STDIN. Values are written in COPY text format;
   * null and undefined become NULL.
   */
  copyRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<number>;
  /** Bulk-loads text already in COPY text format (see copy-format.ts), e.g. encoded in a worker thread. */
  copyText(table: string, columns: readonly string[], text: string): Promise<number>;
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
