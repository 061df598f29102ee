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

// Acts as the Node worker: answers require('@azure/functions-core') (as the worker's require
// patch does), then runs invocations in the worker's order (preInvocation hooks, the function,
// postInvocation hooks, then the response). A synchronous module hook marks when the first
// Azure Monitor module is loaded, before any of its code is evaluated; one array keeps the order.
const WORKER_ENTRY = `
import Module, { registerHooks } from 'node:module';
import { startTelemetry, stopTelemetry } from '@cookbook/logging';

const events = [];
const hooks = { preInvocation: [], postInvocation: [] };
const core = {
  registerHook(name, callback) {
    hooks[name].push(callback);
    return { dispose: () => hooks[name].splice(hooks[name].indexOf(callback) >>> 0, 1) };
  },
};
const originalRequire = Module.prototype.require;
Module.prototype.require = function (id) {
  return id === '@azure/functions-core' ? core : originalRequire.apply(this, arguments);
};
registerHooks({
  load(url, context, nextLoad) {
    if (url.includes('@azure/monitor-opentelemetry') && !events.includes('exporter loaded')) {
      events.push('exporter loaded');
    }
    return nextLoad(url, context);
  },
});

async function invoke(name) {
  const pre = { invocationContext: { traceContext: {} }, functionCallback: () => name, inputs: [] };
  for (const hook of [...hooks.preInvocation]) await hook(pre);
  events.push(name + ': ' + pre.functionCallback());
  const post = { invocationContext: {}, inputs: [], result: undefined, error: undefined };
  for (const hook of [...hooks.postInvocation]) await hook(post);
  events.push(name + ' response sent');
}

const options = { enableLiveMetrics: false, azureMonitorExporterOptions: { disableOfflineStorage: true } };
const scheduled = await startTelemetry(process.env, options);
events.push('serving');
await invoke('first invocation');
// the distro registers its own preInvocation hook once it runs
while (hooks.preInvocation.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
await invoke('second invocation');
const postHooksLeft = hooks.postInvocation.length;
const preHooks = hooks.preInvocation.length;
await stopTelemetry();
process.stdout.write('RESULT ' + JSON.stringify({ scheduled, events, postHooksLeft, preHooks }) + '\\n');
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

  it('inside a Functions worker, loads Azure Monitor only after the first invocation has answered', async () => {
    const run = await runBundled(scratch.dir, WORKER_ENTRY, {
      env: OFFLINE_ENV,
      timeoutMs: 30_000,
    });
    expect(run.code).toBe(0);
    // Azure: postInvocation hooks run before the worker sends the response; the package is
    // imported on a later turn, and its own preInvocation hook (trace context) binds later calls
    expect(resultOf(run.stdout)).toEqual({
      scheduled: true,
      events: [
        'serving',
        'first invocation: first invocation',
        'first invocation response sent',
        'exporter loaded',
        'second invocation: second invocation',
        'second invocation response sent',
      ],
      postHooksLeft: 0,
      preHooks: 1,
    });
    const startedLines = run.stdout
      .split('\n')
      .filter((line) => line.includes('Azure Monitor telemetry started'));
    expect(startedLines).toHaveLength(1);
  }, 40_000);

  it('inside a Functions worker with deferUntilFirstInvocation: false, loads it before serving', async () => {
    const eager = WORKER_ENTRY.replace(
      'startTelemetry(process.env, options)',
      'startTelemetry(process.env, options, { deferUntilFirstInvocation: false })',
    );
    const run = await runBundled(scratch.dir, eager, { env: OFFLINE_ENV, timeoutMs: 30_000 });
    expect(run.code).toBe(0);
    expect(resultOf(run.stdout)).toMatchObject({
      scheduled: true,
      events: [
        'exporter loaded',
        'serving',
        'first invocation: first invocation',
        'first invocation response sent',
        'second invocation: second invocation',
        'second invocation response sent',
      ],
    });
  }, 40_000);

  it('inside a Functions worker, stopTelemetry before any invocation never loads the package', async () => {
    const idle = WORKER_ENTRY.replace(
      "events.push('serving');",
      "events.push('serving'); await stopTelemetry(); await new Promise((resolve) => setTimeout(resolve, 200));",
    ).replace(
      /await invoke\('first invocation'\);[\s\S]*const postHooksLeft/,
      'const postHooksLeft',
    );
    const run = await runBundled(scratch.dir, idle, { env: OFFLINE_ENV });
    expect(run.code).toBe(0);
    expect(resultOf(run.stdout)).toEqual({
      scheduled: true,
      events: ['serving'],
      postHooksLeft: 0,
      preHooks: 0,
    });
    expect(
      run.resolvedModules.filter((url) => url.includes('@azure/monitor-opentelemetry')),
    ).toEqual([]);
  });

  it('inside a Functions worker, a package that was not deployed is logged after the first invocation, which still answers', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'logging-no-modules-'));
    try {
      const entry = WORKER_ENTRY.replace(
        'while (hooks.preInvocation.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));',
        // the load starts on the turn after the hook (setImmediate runs in order); then wait for it
        'await new Promise((resolve) => setImmediate(resolve)); await stopTelemetry();',
      );
      const run = await runBundled(outside, entry, { env: OFFLINE_ENV });
      expect(run.code).toBe(0);
      expect(resultOf(run.stdout)).toMatchObject({
        scheduled: true,
        events: [
          'serving',
          'first invocation: first invocation',
          'first invocation response sent',
          'second invocation: second invocation',
          'second invocation response sent',
        ],
        preHooks: 0,
      });
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
