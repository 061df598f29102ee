import { resolve } from 'node:path';

/** The recipe folder: the bench serves its built dist/main.js and runs its apim/*.xml. */
export const RECIPE_DIR: string = resolve(
  import.meta.dirname,
  '../../../../apps/apim-function-backend',
);
export const RECIPE_GATEWAY_CONFIG: string = resolve(RECIPE_DIR, 'apim/local-gateway.json');

/** The host key the local host accepts and the gateway's backend credentials send. */
export const BENCH_HOST_KEY = 'bench-host-key';

/** Interleaved rounds; each variant's median over rounds is reported. */
export const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 15);
/** Requests per variant and round, split over BENCH_SLICES slices (the fastest slice counts). */
export const REQUESTS_PER_ROUND = Number(process.env['BENCH_OPS'] ?? 400);
export const SLICES_PER_ROUND = Number(process.env['BENCH_SLICES'] ?? 4);
/** Requests in flight at once, on keep-alive connections. */
export const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 4);
/** Requests per variant before the first round, so every process is measured warm. */
export const WARMUP_REQUESTS = Number(process.env['BENCH_WARMUP'] ?? 1500);
/** Saturation check: alternating HIT / MISS runs of autocannon against the gateways (0 pairs: off). */
export const SATURATION_PAIRS = Number(process.env['BENCH_SATURATION_PAIRS'] ?? 3);
export const SATURATION_SECONDS = Number(process.env['BENCH_SATURATION_SECONDS'] ?? 3);
export const SATURATION_CONNECTIONS = Number(process.env['BENCH_SATURATION_CONNECTIONS'] ?? 16);
/** BENCH_CPU_PROF=<dir> writes a V8 CPU profile per proxy and gateway process. */
export const PROFILE_DIR: string | undefined = process.env['BENCH_CPU_PROF'];

/** Environment for bench child processes: telemetry off, no inherited NODE_OPTIONS. */
export function benchChildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info' };
  delete env['APPLICATIONINSIGHTS_CONNECTION_STRING'];
  delete env['NODE_OPTIONS'];
  return env;
}
