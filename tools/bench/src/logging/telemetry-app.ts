import { getLogger, startTelemetry, stopTelemetry } from '@cookbook/logging';

// A whole run of an app: start telemetry (Azure Monitor only with a connection string), log one
// line, stop. Bundled like a recipe, so the disabled path shows what it never loads.
await startTelemetry(process.env, {
  enableLiveMetrics: false,
  azureMonitorExporterOptions: { disableOfflineStorage: true },
});
getLogger().info('ready');
await stopTelemetry();
