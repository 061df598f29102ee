import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { migrate, type Migration, readMigrations } from './migrate.js';

let dir: string;
let db: TestDatabase;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crud-migrations-'));
  db = await openTestDatabase(); // already at the shipped migrations
}, 120_000);
afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

async function migrationsWith(files: Record<string, string>): Promise<Migration[]> {
  for (const [name, sql] of Object.entries(files)) await writeFile(join(dir, name), sql);
  return [...(await readMigrations()), ...(await readMigrations(dir))];
}

const tables = async (): Promise<string[]> =>
  (
    await db.database.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = current_schema() ORDER BY table_name`,
    )
  ).map((row) => row.table_name);

describe('migrate (versioned SQL files, schema_migrations, advisory lock)', () => {
  it('records each shipped file once; a second run applies nothing', async () => {
    const shipped = await readMigrations();
    expect(shipped.map((m) => `${m.version}_${m.name}`)).toEqual(['1_create_items']);
    expect(await migrate(db.database, shipped)).toEqual([]);
    const rows = await db.database.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    expect(rows).toEqual([{ version: 1, checksum: shipped[0]?.checksum }]);
    expect(await tables()).toEqual(['items', 'schema_migrations']);
  });

  it('applies a new file exactly once when two runners start together', async () => {
    const migrations = await migrationsWith({
      '0002_add_sku.sql':
        'ALTER TABLE items ADD COLUMN sku text;\nCREATE INDEX items_sku ON items (sku);',
    });
    const results = await Promise.all([
      migrate(db.database, migrations),
      migrate(db.database, migrations),
    ]);
    expect(results.flat()).toEqual([2]);
  });

  it('rolls a failing file back completely and does not record it', async () => {
    const migrations = await migrationsWith({
      '0002_half.sql': 'CREATE TABLE half (id int);\nSELECT no_such_function();',
    });
    await expect(migrate(db.database, migrations)).rejects.toThrow('migration 2 (half) failed');
    expect(await tables()).toEqual(['items', 'schema_migrations']);
    const versions = await db.database.query('SELECT version FROM schema_migrations');
    expect(versions).toHaveLength(1);
  });

  it('refuses an applied file whose text changed (migrations are append-only)', async () => {
    const [first] = await readMigrations();
    if (!first) throw new Error('no shipped migration');
    await expect(migrate(db.database, [{ ...first, checksum: 'edited' }])).rejects.toThrow(
      'migration 1 (create_items) changed after it was applied',
    );
  });

  it('refuses files it cannot order instead of skipping them', async () => {
    await writeFile(join(dir, 'add-column.sql'), 'SELECT 1;');
    await expect(readMigrations(dir)).rejects.toThrow('add-column.sql: migration files are named');
  });
});
