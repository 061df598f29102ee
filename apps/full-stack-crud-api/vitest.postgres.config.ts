// The PostgreSQL pass: every test against the server in DATABASE_URL, plus the server-only tests.
// export DATABASE_URL="$(scripts/start-test-postgres.sh)" && npx nx run full-stack-crud-api:test-postgres
import { mergeConfig } from 'vitest/config';

import { defineProjectTestConfig } from '../../vitest.preset.mjs';

export default mergeConfig(
  defineProjectTestConfig(import.meta.dirname, {
    name: 'full-stack-crud-api-postgres',
    include: ['src/**/*.test.ts', 'test-postgres/**/*.test.ts'],
  }),
  // Without DATABASE_URL every test database fails with the command to start a server (no PGlite fallback).
  { test: { env: { CRUD_TEST_REQUIRE_POSTGRES: '1' } } },
);
