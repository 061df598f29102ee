import { afterAll, beforeAll, beforeEach } from 'vitest';

import { useAppDatabase } from '../db/app-database.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';

/** Gives the handlers a fresh test database for this file, emptied before each test. */
export function useAppTestDatabase(): { readonly current: TestDatabase } {
  let testDatabase: TestDatabase | undefined;
  const handle = {
    get current(): TestDatabase {
      if (!testDatabase) throw new Error('the test database is not open yet');
      return testDatabase;
    },
  };
  beforeAll(async () => {
    testDatabase = await openTestDatabase();
    useAppDatabase(testDatabase.database);
  }, 120_000);
  beforeEach(() => handle.current.reset());
  afterAll(() => testDatabase?.close());
  return handle;
}
