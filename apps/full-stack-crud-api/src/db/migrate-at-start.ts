/**
 * Whether the app applies migrations as it starts: always for embedded PGlite (nothing else can reach
 * its data), for a server only with `MIGRATE_ON_START=true` (local runs); production migrates in a deploy step.
 */
export function shouldMigrateAtStart(
  driver: 'pglite' | 'postgres',
  setting: string | undefined,
): boolean {
  const value = setting?.trim().toLowerCase();
  if (value === 'false' || value === '0') return false;
  return driver === 'pglite' || value === 'true' || value === '1';
}
