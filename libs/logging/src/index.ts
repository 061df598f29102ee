export { createLogger, type LoggerOptions } from './create-logger.js';
export { createDestination, type DestinationOptions } from './destination.js';
export { getLogger } from './get-logger.js';
export {
  getLogContext,
  getScopeValue,
  type LogContext,
  type LogContextOptions,
  type LogSink,
  runWithLogContext,
} from './log-context.js';
export { type LogFormat, logFormatFromEnv } from './log-format.js';
export { type LogLevel, logLevelFromEnv, type LogLevelSetting } from './log-level.js';
export { DOTNET_LEVEL_NAMES } from './pretty.js';
export { redact, type RedactOptions } from './redact.js';
export { REDACTED, redactString } from './redact-string.js';
export { isSecretKey } from './secret-keys.js';
export { startTelemetry, stopTelemetry, type TelemetryOptions } from './telemetry.js';
export type { Logger } from 'pino';
