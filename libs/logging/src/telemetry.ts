import type * as AzureMonitor from '@azure/monitor-opentelemetry';

import { getLogger } from './get-logger.js';

type AzureMonitorModule = typeof AzureMonitor;

/** Extra options passed to `useAzureMonitor()`; the connection string comes from the env. */
export type TelemetryOptions = AzureMonitor.AzureMonitorOpenTelemetryOptions;

// a variable specifier keeps bundlers from inlining this large, often unused package
const MONITOR_PACKAGE = '@azure/monitor-opentelemetry';

let running: { started: Promise<boolean>; monitor?: AzureMonitorModule } | undefined;

async function start(connectionString: string, options: TelemetryOptions): Promise<boolean> {
  const state = running;
  try {
    const monitor = (await import(/* @vite-ignore */ MONITOR_PACKAGE)) as AzureMonitorModule;
    monitor.useAzureMonitor({
      ...options,
      azureMonitorExporterOptions: { ...options.azureMonitorExporterOptions, connectionString },
    });
    if (state) state.monitor = monitor;
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
 * is never loaded. Safe to call more than once; resolves to whether telemetry is running.
 *
 * @example
 * await startTelemetry(); // in main.ts, before app.http(...)
 */
export function startTelemetry(
  env: NodeJS.ProcessEnv = process.env,
  options: TelemetryOptions = {},
): Promise<boolean> {
  if (running) return running.started;
  const connectionString = env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim();
  if (!connectionString) return Promise.resolve(false);
  running = { started: Promise.resolve(false) };
  running.started = start(connectionString, options);
  return running.started;
}

/** Flushes and stops telemetry started by {@link startTelemetry}; a no-op otherwise. */
export async function stopTelemetry(): Promise<void> {
  const state = running;
  running = undefined;
  if (!state || !(await state.started)) return;
  await state.monitor?.shutdownAzureMonitor();
}
