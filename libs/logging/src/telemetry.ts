import type * as AzureMonitor from '@azure/monitor-opentelemetry';

import { getLogger } from './get-logger.js';
import { afterFirstInvocation } from './telemetry-timing.js';

type AzureMonitorModule = typeof AzureMonitor;

/** Extra options passed to `useAzureMonitor()`; the connection string comes from the env. */
export type TelemetryOptions = AzureMonitor.AzureMonitorOpenTelemetryOptions;

/** When Azure Monitor is loaded inside a Functions worker. */
export interface TelemetryStartup {
  /**
   * `true` (default): after the first invocation has answered, so the package's import (the
   * largest part of a cold start) stays off the first request's path; that invocation's own
   * spans and outgoing dependencies are not traced. `false`: before `startTelemetry` resolves,
   * so everything is traced and the first request waits for the import.
   */
  deferUntilFirstInvocation?: boolean;
}

// a variable specifier keeps bundlers from inlining this large, often unused package
const MONITOR_PACKAGE = '@azure/monitor-opentelemetry';

interface TelemetryState {
  /** Resolves once Azure Monitor runs (true) or did not start (false). */
  started: Promise<boolean>;
  monitor?: AzureMonitorModule;
  /** Drops a deferred start that has not begun yet. */
  cancel?: () => void;
}

let running: { scheduled: Promise<boolean>; state: TelemetryState } | undefined;

async function start(
  connectionString: string,
  options: TelemetryOptions,
  state: TelemetryState,
): Promise<boolean> {
  try {
    const monitor = (await import(/* @vite-ignore */ MONITOR_PACKAGE)) as AzureMonitorModule;
    monitor.useAzureMonitor({
      ...options,
      azureMonitorExporterOptions: { ...options.azureMonitorExporterOptions, connectionString },
    });
    state.monitor = monitor;
    getLogger().info({ telemetry: 'azure-monitor' }, 'Azure Monitor telemetry started');
    return true;
  } catch (err) {
    getLogger().error(
      { err, telemetry: 'azure-monitor' },
      'Azure Monitor telemetry failed to start',
    );
    return false;
  }
}

/**
 * Starts Azure Monitor (OpenTelemetry) when `APPLICATIONINSIGHTS_CONNECTION_STRING` is set, so
 * spans continue the host's traceparent and reach Application Insights. Without it the package
 * is never loaded. Inside a Functions worker the package is loaded after the first invocation
 * has answered (see {@link TelemetryStartup}); elsewhere (scripts, tests) right away.
 * Safe to call more than once; resolves to whether telemetry runs or is scheduled to.
 *
 * @example
 * await startTelemetry(); // in main.ts, before app.http(...)
 */
export function startTelemetry(
  env: NodeJS.ProcessEnv = process.env,
  options: TelemetryOptions = {},
  startup: TelemetryStartup = {},
): Promise<boolean> {
  if (running) return running.scheduled;
  const connectionString = env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim();
  if (!connectionString) return Promise.resolve(false);
  const state: TelemetryState = { started: Promise.resolve(false) };
  const deferred =
    startup.deferUntilFirstInvocation !== false
      ? afterFirstInvocation(() => start(connectionString, options, state))
      : undefined;
  if (deferred) {
    state.started = deferred.done;
    state.cancel = deferred.cancel;
    running = { scheduled: Promise.resolve(true), state };
  } else {
    state.started = start(connectionString, options, state);
    running = { scheduled: state.started, state };
  }
  return running.scheduled;
}

/** Flushes and stops telemetry started by {@link startTelemetry}; a no-op otherwise. */
export async function stopTelemetry(): Promise<void> {
  const state = running?.state;
  running = undefined;
  if (!state) return;
  state.cancel?.();
  if (!(await state.started)) return;
  await state.monitor?.shutdownAzureMonitor();
}
