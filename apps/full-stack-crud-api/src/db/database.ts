/** What a migration needs from one connection: parameterised queries and multi-statement SQL. */
export interface Session {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements, without parameters (migration files only). */
  exec(sql: string): Promise<void>;
}

/** The one interface the recipe talks to: PGlite embedded, or a PostgreSQL server through a `pg` pool. */
export interface Database {
  readonly driver: 'pglite' | 'postgres';
  /** One parameterised statement, on any connection. */
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `work` on one connection held for its duration (advisory locks and transactions need that). */
  withSession<T>(work: (session: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
