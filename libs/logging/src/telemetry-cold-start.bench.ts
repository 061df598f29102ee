import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { afterAll, bench, describe } from 'vitest';

import { bundle, createScratchDir } from './test-support/run-bundled.js';

const scratch = createScratchDir();
afterAll(() => scratch.remove());

const entry = join(scratch.dir, 'main.mjs');
await bundle(
  `import { getLogger, startTelemetry, stopTelemetry } from '@cookbook/logging';
await startTelemetry(process.env, { enableLiveMetrics: false, azureMonitorExporterOptions: { disableOfflineStorage: true } });
getLogger().info('ready');
await stopTelemetry();`,
  'esm',
  entry,
);

function start(env: NodeJS.ProcessEnv): void {
  execFileSync(process.execPath, [entry], {
    cwd: scratch.dir,
    env: { PATH: process.env.PATH, LOG_FORMAT: 'json', ...env },
    stdio: 'ignore',
    timeout: 30_000,
  });
}

describe('whole run of a bundled app: start telemetry, log one line, stop (offline)', () => {
  bench('no connection string: @azure/monitor-opentelemetry never loaded', () => start({}), {
    iterations: 5,
    time: 0,
  });
  bench(
    'connection string set: Azure Monitor loaded and started',
    () =>
      start({
        APPLICATIONINSIGHTS_CONNECTION_STRING:
          'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/',
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      }),
    { iterations: 5, time: 0 },
  );
});
