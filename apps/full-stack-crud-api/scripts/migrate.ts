// The production deploy step: `DATABASE_URL=… npx nx run full-stack-crud-api:migrate` before the new code takes traffic.
import { migrate, readMigrations } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open-database.js';
import { DEFAULT_PGLITE_DATA_DIR } from '../src/db/recipe-paths.js';

const database = await openDatabase(process.env, DEFAULT_PGLITE_DATA_DIR);
try {
  const applied = await migrate(database, await readMigrations());
  console.log(
    applied.length > 0
      ? `Applied migrations ${applied.join(', ')} (${database.driver})`
      : `Schema up to date (${database.driver})`,
  );
} finally {
  await database.close();
}
