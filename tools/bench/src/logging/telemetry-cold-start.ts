import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

import { bundleApp } from '@cookbook/functions-host';

import { median } from './timing.js';

const RUNS = Number(process.env['BENCH_COLD_RUNS'] ?? 5);
const ENTRY = resolve(import.meta.dirname, 'telemetry-app.ts');
const WORKSPACE_MODULES = resolve(import.meta.dirname, '../../../../node_modules');

const CONNECTED = {
  APPLICATIONINSIGHTS_CONNECTION_STRING:
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/',
  APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
  APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
};

function runOnce(main: string, env: Record<string, string>): number {
  const started = performance.now();
  execFileSync(process.execPath, [main], {
    cwd: resolve(main, '..'),
    env: { PATH: process.env['PATH'], LOG_FORMAT: 'json', ...env },
    stdio: 'ignore',
    timeout: 30_000,
  });
  return performance.now() - started;
}

/** Median wall time of a bundled app's whole run, without and with a connection string. */
export async function telemetryColdStart(): Promise<{ off: number; on: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-telemetry-'));
  try {
    await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module', main: 'main.js' }));
    // The bundle keeps @azure/monitor-opentelemetry external, as a recipe's build does.
    await symlink(WORKSPACE_MODULES, join(dir, 'node_modules'), 'dir');
    const { outfile } = await bundleApp(dir, { entry: relative(dir, ENTRY) });
    const off: number[] = [];
    const on: number[] = [];
    // Alternate the two so load from other work hits both alike.
    for (let run = 0; run < RUNS; run += 1) {
      off.push(runOnce(outfile, {}));
      on.push(runOnce(outfile, CONNECTED));
    }
    return { off: median(off), on: median(on) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
