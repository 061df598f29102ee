import { getLogger } from '@cookbook/logging';
import pg from 'pg';

import type { Database } from './database.js';

/** How the pool reaches the server; `password` may be a function (an Entra token per new connection). */
export interface PostgresOptions {
  connectionString: string;
  password?: () => Promise<string>;
  /** Connections per instance; Flexible Server's B1ms allows about 50 in total. */
  max?: number;
  /** Extra pool settings, e.g. `options: '-c search_path=…'` for a test schema. */
  poolConfig?: pg.PoolConfig;
}

/** A PostgreSQL server through a `pg` pool; nothing connects until the first query. */
export function openPostgresDatabase(options: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    // A server that does not answer becomes a 503 after this long, not a hung request.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
    ...(options.password ? { password: options.password } : {}),
    ...options.poolConfig,
  });
  // An idle connection the server dropped (restart, failover) must not crash the process; the pool replaces it.
  pool.on('error', (error) =>
    getLogger().warn({ err: error.message }, 'PostgreSQL dropped an idle connection'),
  );
  return {
    driver: 'postgres',
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await pool.query(sql, [...params])).rows as Row[],
    async withSession(work) {
      const client = await pool.connect();
      try {
        return await work({
          query: async <Row>(sql: string, params: readonly unknown[] = []) =>
            (await client.query(sql, [...params])).rows as Row[],
          exec: async (sql) => void (await client.query(sql)),
        });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
