import type { Database } from './database.js';
import { openDatabase } from './open-database.js';
import { DEFAULT_PGLITE_DATA_DIR } from './recipe-paths.js';

let opening: Promise<Database> | undefined;

/** The app's database, opened from the environment on first use (never at import). */
export function appDatabase(): Promise<Database> {
  opening ??= openDatabase(process.env, DEFAULT_PGLITE_DATA_DIR).catch((error: unknown) => {
    // A failed open is retried by the next request instead of being cached forever.
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Makes handlers use `database` (tests, and `main.ts` once it has migrated it). */
export function useAppDatabase(database: Database): void {
  opening = Promise.resolve(database);
}

/** Closes the app's database if one was opened (app shutdown). */
export async function closeAppDatabase(): Promise<void> {
  const current = opening;
  opening = undefined;
  if (current) await (await current).close();
}
