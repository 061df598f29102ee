import { mkdir } from 'node:fs/promises';

import { PGlite } from '@electric-sql/pglite';

import type { Database, Session } from './database.js';

/** PostgreSQL compiled to WebAssembly, in this process: `memory://` or a data directory it persists to. */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const session: Session = {
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await pglite.query<Row>(sql, [...params])).rows,
    exec: async (sql) => void (await pglite.exec(sql)),
  };
  // One connection only: sessions take turns, so two migration runners never interleave their statements.
  let turn: Promise<unknown> = Promise.resolve();
  return {
    driver: 'pglite',
    query: session.query,
    withSession<T>(work: (current: Session) => Promise<T>): Promise<T> {
      const result = turn.then(() => work(session));
      turn = result.catch(() => undefined);
      return result;
    },
    close: () => pglite.close(),
  };
}
