import { describe, expect, it } from 'vitest';

import { openDatabase } from './open-database.js';

describe('openDatabase (the driver follows DATABASE_URL)', () => {
  it('opens embedded PGlite when DATABASE_URL is unset or blank', async () => {
    for (const DATABASE_URL of [undefined, '  ']) {
      const database = await openDatabase(
        { DATABASE_URL, PGLITE_DATA_DIR: 'memory://' },
        '/nowhere',
      );
      expect(database.driver).toBe('pglite');
      expect(await database.query('SELECT 1 + $1::int AS n', [1])).toEqual([{ n: 2 }]);
      await database.close();
    }
  }, 120_000);

  it('opens a pg pool for DATABASE_URL without connecting until the first query', async () => {
    const database = await openDatabase(
      { DATABASE_URL: 'postgresql://app@127.0.0.1:1/items', DATABASE_CLIENT_ID: 'client-id' },
      '/nowhere',
    );
    expect(database.driver).toBe('postgres');
    await database.close();
  });
});
