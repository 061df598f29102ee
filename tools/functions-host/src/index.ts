export type { AuthLevel } from './auth/authorize-request.js';
export type { HostKeys, HostKeysInput } from './auth/host-keys.js';
export { KEYS_FILE } from './auth/host-keys.js';
export { bundleApp, type BundleOptions, type BundleResult } from './bundle/bundle-app.js';
export { coreApi, installCoreModule } from './core/core-module.js';
export type { HostLogEntry, HostLogLevel, HostLogSink } from './core/host-log.js';
export { formatHostLogEntry } from './core/host-log.js';
export { findPackageCopies } from './guard/find-package-copies.js';
export {
  AZURE_FRONT_END_TIMEOUT_MS,
  AZURE_MAX_REQUEST_BODY_SIZE,
  AZURE_MAX_URL_LENGTH,
  createLocalHost,
  DEFAULT_WORKER_CAPABILITIES,
} from './host/create-local-host.js';
export type { HostLimits, LocalHost, LocalHostOptions } from './host/local-host-options.js';
export type { RegisteredHttpFunction } from './routing/http-function.js';
export {
  type HostServer,
  type HostServerOptions,
  startHostServer,
} from './server/start-host-server.js';
export { StartupError } from './startup/startup-error.js';
