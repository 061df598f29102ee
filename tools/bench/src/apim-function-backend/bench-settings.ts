import { resolve } from 'node:path';

/**
 * The recipe folder: its package.json#main is dist/main.js, built by `nx build
 * apim-function-backend`. The bench loads that bundle through the local host; it never imports
 * the recipe's code (a tool may not depend on a recipe).
 */
export const RECIPE_DIR: string = resolve(
  import.meta.dirname,
  '../../../../apps/apim-function-backend',
);

/** Interleaved rounds per measurement; the median across rounds is reported. */
export const INVOCATION_ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 30);
export const INVOCATIONS_PER_ROUND = Number(process.env['BENCH_OPS'] ?? 300);
/** Slices per round and variant; a round keeps its fastest slice. */
export const SLICES_PER_ROUND = Number(process.env['BENCH_SLICES'] ?? 3);
/** Calls per variant before the first round, so every variant is measured fully optimised. */
export const WARMUP_INVOCATIONS = Number(process.env['BENCH_WARMUP'] ?? 3000);
export const COLD_START_RUNS = Number(process.env['BENCH_COLD_RUNS'] ?? 7);

/** App settings like Azure's: JSON lines at info (a TTY would otherwise select pretty mode). */
export const BENCH_ENV: Record<string, string> = { LOG_FORMAT: 'json', LOG_LEVEL: 'info' };

/** Headers of a request the APIM policy forwarded (correlation id, gateway marks, trace). */
export const APIM_FORWARDED_HEADERS: readonly (readonly [string, string])[] = [
  ['host', 'localhost:7071'],
  ['accept', 'application/json'],
  ['user-agent', 'Azure-API-Management'],
  ['x-correlation-id', 'bench-0a1b2c3d'],
  ['x-apim-gateway', 'azure-api-management'],
  ['x-apim-cache', 'MISS'],
  ['x-forwarded-for', '203.0.113.7'],
  ['traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
];

/** The item every variant serves. */
export const ITEM_ID = '42';

/** Environment for bench child processes: telemetry off, no inherited NODE_OPTIONS, BENCH_ENV. */
export function benchChildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...BENCH_ENV };
  delete env['APPLICATIONINSIGHTS_CONNECTION_STRING'];
  delete env['NODE_OPTIONS'];
  return env;
}
