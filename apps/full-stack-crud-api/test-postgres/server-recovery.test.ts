import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { useAppDatabase } from '../src/db/app-database.js';
import type { Database } from '../src/db/database.js';
import { openPostgresDatabase } from '../src/db/postgres-database.js';
import { anItem, itemsClient as api } from '../src/testing/items-client.js';
import {
  openTestDatabase,
  requirePostgresUrl,
  type TestDatabase,
} from '../src/testing/test-database.js';
import { startTcpSwitch, type TcpSwitch } from './tcp-switch.js';

let testDatabase: TestDatabase | undefined;
let tcp: TcpSwitch | undefined;
let throughSwitch: Database | undefined;

beforeAll(async () => {
  const url = new URL(requirePostgresUrl()); // fails with the command to start a server when unset
  testDatabase = await openTestDatabase();
  const [searchPath] = await testDatabase.database.query<{ search_path: string }>(
    'SHOW search_path',
  );
  tcp = await startTcpSwitch(url.hostname, Number(url.port || 5432));
  url.host = `127.0.0.1:${tcp.port}`;
  throughSwitch = openPostgresDatabase({
    connectionString: url.toString(),
    poolConfig: { options: `-c search_path=${searchPath?.search_path ?? 'public'}` },
  });
  useAppDatabase(throughSwitch);
}, 120_000);

afterAll(async () => {
  await throughSwitch?.close();
  await tcp?.close();
  await testDatabase?.close();
});

/** Calls like a client honouring Retry-After would, a bounded number of times. */
async function untilNot503(call: () => Promise<{ status: number }>): Promise<number> {
  let status = 0;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    status = (await call()).status;
    if (status !== 503) return status;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return status;
}

describe('the PostgreSQL server goes away and comes back (pooled connections cut, port closed)', () => {
  it('answers 503 with Retry-After while it is gone, then serves again with the data intact', async () => {
    if (!tcp) throw new Error('the TCP switch did not start');
    expect((await api.create(anItem('Survivor'))).status).toBe(201);
    expect((await api.list()).status).toBe(200); // the pool now holds a live connection

    await tcp.off();
    for (const call of [() => api.list(), () => api.get(1), () => api.create(anItem('Lost'))]) {
      const response = await call();
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
    }

    await tcp.on();
    expect(await untilNot503(() => api.list())).toBe(200);
    const items = (await api.list()).json<{ items: { name: string }[] }>().items;
    expect(items.map((item) => item.name)).toEqual(['Survivor']);
    expect((await api.create(anItem('After'))).status).toBe(201);
  });
});
