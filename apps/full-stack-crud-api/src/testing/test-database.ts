import { randomBytes } from 'node:crypto';

import pg from 'pg';

import type { Database } from '../db/database.js';
import { migrate, readMigrations } from '../db/migrate.js';
import { openPgliteDatabase } from '../db/pglite-database.js';
import { openPostgresDatabase } from '../db/postgres-database.js';

/** How to get a server for the PostgreSQL pass; printed when one is required and missing. */
export const START_POSTGRES_HINT =
  'export DATABASE_URL="$(apps/full-stack-crud-api/scripts/start-test-postgres.sh)" ' +
  '(needs: apt-get install -y postgresql), then npx nx run full-stack-crud-api:test-postgres';

/** The PostgreSQL server of this run: `DATABASE_URL`, or an error that says how to start one. */
export function requirePostgresUrl(): string {
  const url = process.env.DATABASE_URL?.trim();
  if (!url)
    throw new Error(
      `DATABASE_URL is not set; this suite needs a PostgreSQL server. ${START_POSTGRES_HINT}`,
    );
  return url;
}

/** A migrated database for one test file, and how to throw it away. */
export interface TestDatabase {
  database: Database;
  /** Empties the items table and restarts ids at 1. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * With `DATABASE_URL` set: a fresh schema on that server (so test files in parallel never meet) through
 * the same `pg` driver the app uses. Without: PGlite in memory. Either way, migrated.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const url = process.env.CRUD_TEST_REQUIRE_POSTGRES
    ? requirePostgresUrl()
    : process.env.DATABASE_URL?.trim();
  let database: Database;
  let dispose = async (): Promise<void> => undefined;
  if (url) {
    const schema = `crud_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect().catch((error: unknown) => {
      throw new Error(`cannot reach DATABASE_URL (${String(error)}). ${START_POSTGRES_HINT}`);
    });
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    database = openPostgresDatabase({
      connectionString: url,
      max: 5,
      poolConfig: { options: `-c search_path=${schema}` },
    });
    dispose = async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    };
  } else {
    database = await openPgliteDatabase('memory://');
  }
  await migrate(database, await readMigrations());
  return {
    database,
    reset: async () => void (await database.query('TRUNCATE items RESTART IDENTITY')),
    async close() {
      await database.close();
      await dispose();
    },
  };
}
