import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Database } from './database.js';
import { MIGRATIONS_DIR } from './recipe-paths.js';

/** A versioned SQL file: `0001_create_items.sql` is version 1, named `create_items`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

// One fixed key for pg_advisory_lock: every runner of this app, on every instance, waits for the same lock.
const MIGRATION_LOCK_KEY = 7_206_100_401;
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads `NNNN_name.sql` files in version order; any other `.sql` file name is an error, not skipped. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort()) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`${file}: migration files are named NNNN_snake_case.sql`);
    const sql = await readFile(join(dir, file), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
    migrations.push({ version: Number(match[1]), name: match[2] ?? '', sql, checksum });
  }
  const versions = migrations.map((migration) => migration.version);
  if (new Set(versions).size !== versions.length) throw new Error(`${dir}: duplicate versions`);
  return migrations;
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction,
 * under an advisory lock so concurrent runners (instances, deploy steps) apply each file once.
 * A recorded file whose text changed is an error: migrations are append-only.
 * @returns the versions it applied.
 */
export async function migrate(
  database: Database,
  migrations: readonly Migration[],
): Promise<number[]> {
  return database.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await session.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const rows = await session.query<{ version: number; checksum: string }>(
        'SELECT version, checksum FROM schema_migrations',
      );
      const applied = new Map(rows.map((row) => [row.version, row.checksum]));
      const done: number[] = [];
      for (const migration of migrations) {
        const recorded = applied.get(migration.version);
        if (recorded !== undefined) {
          if (recorded !== migration.checksum) {
            throw new Error(
              `migration ${migration.version} (${migration.name}) changed after it was applied; add a new file instead`,
            );
          }
          continue;
        }
        await session.exec('BEGIN');
        try {
          await session.exec(migration.sql);
          await session.query(
            'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
            [migration.version, migration.name, migration.checksum],
          );
          await session.exec('COMMIT');
        } catch (error) {
          await session.exec('ROLLBACK');
          throw new Error(`migration ${migration.version} (${migration.name}) failed`, {
            cause: error,
          });
        }
        done.push(migration.version);
      }
      return done;
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}
