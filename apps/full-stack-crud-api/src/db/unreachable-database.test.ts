import { createServer } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { anItem, itemsClient as api } from '../testing/items-client.js';
import { useAppDatabase } from './app-database.js';
import type { Database } from './database.js';
import { openPostgresDatabase } from './postgres-database.js';

/** A loopback port nobody listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let database: Database;
beforeAll(async () => {
  database = openPostgresDatabase({
    connectionString: `postgresql://crud@127.0.0.1:${await closedPort()}/items`,
  });
  useAppDatabase(database);
});
afterAll(() => database.close());

describe('a PostgreSQL server that cannot be reached (connection refused)', () => {
  it('answers every route with a 503 problem and Retry-After, never a 500', async () => {
    for (const call of [
      () => api.list(),
      () => api.get(1),
      () => api.create(anItem('Offline')),
      () => api.replace(1, anItem('Offline'), { 'if-match': '*' }),
      () => api.patch(1, { price: '1.00' }, { 'if-match': '*' }),
      () => api.delete(1, { 'if-match': '*' }),
    ]) {
      const response = await call();
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body).not.toContain('ECONNREFUSED');
    }
  });

  it('still validates first: a bad request is a 422 even while the database is down', async () => {
    expect((await api.create({ name: '' })).status).toBe(422);
  });
});
