import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLocalHost } from '@cookbook/functions-host';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built bundle on the local host: what `nx serve` runs (appStart migrates, appTerminate closes).
const recipeDir = join(import.meta.dirname, '..');
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'crud-pglite-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function withHost<T>(
  work: (fetch: (path: string, init?: RequestInit) => Promise<Response>) => Promise<T>,
): Promise<T> {
  // DATABASE_URL '' keeps this on PGlite in the PostgreSQL pass too: it is about the embedded default.
  const host = await createLocalHost(recipeDir, {
    env: { PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' },
    log: () => undefined,
  });
  try {
    return await work((path, init) =>
      host.fetch(new Request(`http://localhost:7071${path}`, init)),
    );
  } finally {
    await host.close();
  }
}

describe('the app on the local host with embedded PGlite', () => {
  it('migrates at start-up and keeps its data in the data directory across restarts', async () => {
    await withHost(async (fetch) => {
      const created = await fetch('/api/items', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Persisted',
          description: 'Survives a restart.',
          price: '3.00',
        }),
      });
      expect(created.status).toBe(201);
    });
    await withHost(async (fetch) => {
      const page = (await (await fetch('/api/items')).json()) as { items: { name: string }[] };
      expect(page.items.map((item) => item.name)).toEqual(['Persisted']);
      // Azure's int route constraint: anything but an integer never reaches the function (404, empty body).
      expect((await fetch('/api/items/abc')).status).toBe(404);
    });
  }, 180_000);
});
