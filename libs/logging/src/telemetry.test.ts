import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import { startTelemetry, stopTelemetry } from './telemetry.js';
import { createScratchDir, runBundled } from './test-support/run-bundled.js';
import { captureLogs } from './testing/capture-logs.js';

// everything points at a closed local port, and statsbeat (which calls a fixed Azure host) is off
const OFFLINE_ENV = {
  APPLICATIONINSIGHTS_CONNECTION_STRING:
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/',
  APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
  APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
  LOG_FORMAT: 'json',
};

const ENTRY = `
import { createRequire } from 'node:module';
import { startTelemetry, stopTelemetry } from '@cookbook/logging';

const options = { enableLiveMetrics: false, azureMonitorExporterOptions: { disableOfflineStorage: true } };
const first = startTelemetry(process.env, options);
const second = startTelemetry(process.env, options);
const started = await first;
let sdkRunning = false;
if (started) {
  const monitor = await import('@azure/monitor-opentelemetry');
  sdkRunning = monitor._getSdkInstance() !== undefined;
}
const required = Object.keys(createRequire(process.cwd() + '/').cache);
process.stdout.write('RESULT ' + JSON.stringify({
  started,
  samePromise: first === second,
  sdkRunning,
  requiredMonitor: required.some((path) => path.includes('@azure/monitor-opentelemetry')),
}) + '\\n');
await stopTelemetry();
`;

const scratch = createScratchDir();
afterAll(() => scratch.remove());

function resultOf(stdout: string): Record<string, unknown> {
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  return JSON.parse(line?.slice('RESULT '.length) ?? 'null') as Record<string, unknown>;
}

describe('startTelemetry', () => {
  afterEach(() => stopTelemetry());

  it('resolves false without APPLICATIONINSIGHTS_CONNECTION_STRING', async () => {
    await expect(startTelemetry({})).resolves.toBe(false);
    await expect(startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: '  ' })).resolves.toBe(
      false,
    );
  });

  it('passes the connection string from the given env to useAzureMonitor, once', async () => {
    const useAzureMonitor = vi.fn();
    const shutdownAzureMonitor = vi.fn(async () => undefined);
    vi.doMock('@azure/monitor-opentelemetry', () => ({ useAzureMonitor, shutdownAzureMonitor }));
    const logs = captureLogs();
    try {
      const env = { APPLICATIONINSIGHTS_CONNECTION_STRING: ' InstrumentationKey=k ' };
      const options = {
        enableLiveMetrics: false,
        azureMonitorExporterOptions: { disableOfflineStorage: true },
      };
      const results = await Promise.all([startTelemetry(env, options), startTelemetry(env)]);
      expect(results).toEqual([true, true]);
      await stopTelemetry();
    } finally {
      logs.restore();
      vi.doUnmock('@azure/monitor-opentelemetry');
    }
    expect(useAzureMonitor).toHaveBeenCalledTimes(1);
    expect(useAzureMonitor).toHaveBeenCalledWith({
      enableLiveMetrics: false,
      azureMonitorExporterOptions: {
        disableOfflineStorage: true,
        connectionString: 'InstrumentationKey=k',
      },
    });
    expect(shutdownAzureMonitor).toHaveBeenCalledTimes(1);
    expect(logs.lines.join('')).not.toContain('InstrumentationKey=k');
  });

  it('resolves false and logs an error instead of crashing the app when Azure Monitor cannot start', async () => {
    vi.doMock('@azure/monitor-opentelemetry', () => ({
      useAzureMonitor: () => {
        throw new Error('Invalid instrumentation key');
      },
      shutdownAzureMonitor: async () => undefined,
    }));
    const logs = captureLogs();
    try {
      await expect(startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'bad' })).resolves.toBe(
        false,
      );
    } finally {
      logs.restore();
      vi.doUnmock('@azure/monitor-opentelemetry');
    }
    expect(logs.records).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'Azure Monitor telemetry failed to start',
        err: expect.objectContaining({ message: 'Invalid instrumentation key' }),
      }),
    ]);
  });

  it('never loads @azure/monitor-opentelemetry when the connection string is unset', async () => {
    const run = await runBundled(scratch.dir, ENTRY, { env: { LOG_FORMAT: 'json' } });
    expect(run.stderr).toBe('');
    expect(resultOf(run.stdout)).toEqual({
      started: false,
      samePromise: false,
      sdkRunning: false,
      requiredMonitor: false,
    });
    expect(run.resolvedModules.length).toBeGreaterThan(0);
    expect(
      run.resolvedModules.filter((url) => url.includes('@azure/monitor-opentelemetry')),
    ).toEqual([]);
  });

  it('loads and starts Azure Monitor once when the connection string is set, offline and without throwing', async () => {
    const run = await runBundled(scratch.dir, ENTRY, { env: OFFLINE_ENV, timeoutMs: 30_000 });
    expect(run.code).toBe(0);
    expect(resultOf(run.stdout)).toMatchObject({
      started: true,
      samePromise: true,
      sdkRunning: true,
    });
    expect(run.resolvedModules.some((url) => url.includes('@azure/monitor-opentelemetry'))).toBe(
      true,
    );
    const startedLines = run.stdout
      .split('\n')
      .filter((line) => line.includes('Azure Monitor telemetry started'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(startedLines).toEqual([
      expect.objectContaining({ level: 'info', telemetry: 'azure-monitor' }),
    ]);
    expect(run.stdout).not.toContain('00000000-0000-0000-0000-000000000000');
  }, 40_000);

  it('logs a clear error and keeps the app running when the package was not deployed', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'logging-no-modules-'));
    try {
      const run = await runBundled(outside, ENTRY, { env: OFFLINE_ENV });
      expect(run.code).toBe(0);
      expect(resultOf(run.stdout)).toMatchObject({ started: false, sdkRunning: false });
      const failure = run.stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string; err?: { message?: string } })
        .find((record) => record.msg === 'Azure Monitor telemetry failed to start');
      expect(failure?.err?.message).toContain('@azure/monitor-opentelemetry');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
