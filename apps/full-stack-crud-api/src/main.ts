import { app } from '@azure/functions';
import { toHttpFunctionOptions } from '@cookbook/http-kit';
import { getLogger, startTelemetry } from '@cookbook/logging';

import { appDatabase, closeAppDatabase } from './db/app-database.js';
import { migrate, readMigrations } from './db/migrate.js';
import { shouldMigrateAtStart } from './db/migrate-at-start.js';
import { appRoutes } from './routes.js';

await startTelemetry();

for (const route of appRoutes) app.http(route.name, toHttpFunctionOptions(route));

// Migrations run when the app starts (embedded PGlite, or MIGRATE_ON_START=true), never at import;
// in production the deploy step `nx run full-stack-crud-api:migrate` applies them instead.
app.hook.appStart(async () => {
  const database = await appDatabase();
  if (!shouldMigrateAtStart(database.driver, process.env.MIGRATE_ON_START)) return;
  const applied = await migrate(database, await readMigrations());
  getLogger().info({ applied, driver: database.driver }, 'Database schema up to date');
});

app.hook.appTerminate(() => closeAppDatabase());
