import { ManagedIdentityCredential } from '@azure/identity';

import type { Database } from './database.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase } from './postgres-database.js';

// The audience of Azure Database for PostgreSQL tokens (Entra authentication).
const POSTGRES_TOKEN_SCOPE = 'https://ossrdbms-aad.database.windows.net/.default';

/** The settings that choose the database; IaC sets `DATABASE_URL` and `DATABASE_CLIENT_ID` in Azure. */
export interface DatabaseSettings {
  /** A PostgreSQL server (`postgresql://user@host:5432/db?sslmode=require`); unset → PGlite. */
  DATABASE_URL?: string | undefined;
  /** Client id of the managed identity whose Entra token is the password. */
  DATABASE_CLIENT_ID?: string | undefined;
  /** Pool size per instance (default 10). */
  DATABASE_POOL_MAX?: string | undefined;
  /** PGlite's data directory, or `memory://` (default: the recipe's `.data/pglite`). */
  PGLITE_DATA_DIR?: string | undefined;
}

/** Opens the database the settings name: a `pg` pool when `DATABASE_URL` is set, else embedded PGlite. */
export async function openDatabase(
  settings: DatabaseSettings,
  defaultDataDir: string,
): Promise<Database> {
  const url = settings.DATABASE_URL?.trim();
  if (!url) return openPgliteDatabase(settings.PGLITE_DATA_DIR?.trim() || defaultDataDir);
  const clientId = settings.DATABASE_CLIENT_ID?.trim();
  const credential = clientId ? new ManagedIdentityCredential({ clientId }) : undefined;
  const max = Number(settings.DATABASE_POOL_MAX ?? 10);
  return openPostgresDatabase({
    connectionString: url,
    max: Number.isInteger(max) && max > 0 ? max : 10,
    // The token is the password; the pool asks again for each new connection, so expiry is handled.
    ...(credential
      ? { password: async () => (await credential.getToken(POSTGRES_TOKEN_SCOPE)).token }
      : {}),
  });
}
