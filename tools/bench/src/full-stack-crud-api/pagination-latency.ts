import { readFileSync } from 'node:fs';

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Runs one statement and returns its rows; PGlite and pg both fit. */
export type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

const migration = readFileSync(
  new URL('../../../../apps/full-stack-crud-api/migrations/0001_create_items.sql', import.meta.url),
  'utf8',
);
// The recipe's keyset query (items-repository.ts) and the offset query it replaces.
const KEYSET = `SELECT id, name, description, price::text AS price, version, created_at, updated_at
  FROM items WHERE id > $1 AND ($2::text IS NULL OR starts_with(name, $2::text)) ORDER BY id LIMIT $3`;
const OFFSET = `SELECT id, name, description, price::text AS price, version, created_at, updated_at
  FROM items ORDER BY id OFFSET $1 LIMIT $2`;
const PAGE = 20;
const SAMPLES = 30;

/** A fresh items table: PGlite in memory, or a throwaway schema on the server in DATABASE_URL. */
export async function openBenchDatabase(
  databaseUrl: string | undefined,
): Promise<{ query: Query; close(): Promise<void> }> {
  if (!databaseUrl) {
    const db = await PGlite.create('memory://');
    await db.exec(migration);
    return {
      query: async (sql, params = []) => (await db.query(sql, params)).rows,
      close: () => db.close(),
    };
  }
  const schema = `crud_bench_${process.pid}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(
    `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET search_path = ${schema}`,
  );
  await client.query(migration);
  return {
    query: async (sql, params = []) => (await client.query(sql, params)).rows as unknown[],
    async close() {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

async function medianMs(work: () => Promise<unknown>): Promise<number> {
  await work(); // warm the plan and the cache
  const samples: number[] = [];
  for (let index = 0; index < SAMPLES; index += 1) {
    const start = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

/** One row per table size: the median time to read the last page with keyset vs OFFSET. */
export interface LatencyRow {
  rows: number;
  keysetMs: number;
  offsetMs: number;
}

/** Grows the table to each size and times the deepest page both ways. */
export async function measurePaginationLatency(
  query: Query,
  sizes: readonly number[],
): Promise<LatencyRow[]> {
  const results: LatencyRow[] = [];
  let count = 0;
  for (const size of sizes) {
    await query(
      `INSERT INTO items (name, description, price)
       SELECT 'item ' || n, 'Generated item.', (n % 10000) / 100.0 FROM generate_series($1::int, $2::int) AS n`,
      [count + 1, size],
    );
    await query('ANALYZE items');
    count = size;
    const [last] = (await query('SELECT max(id) AS id FROM items')) as { id: number }[];
    const afterId = (last?.id ?? size) - PAGE;
    results.push({
      rows: size,
      keysetMs: await medianMs(() => query(KEYSET, [afterId, null, PAGE])),
      offsetMs: await medianMs(() => query(OFFSET, [size - PAGE, PAGE])),
    });
  }
  return results;
}
