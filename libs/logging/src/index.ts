// The public API of @cookbook/logging: what recipes and tools use. Plumbing for other workspace
// libraries (http-kit's scope values and sink) is in ./internal.ts.

/** The process-wide logger: JSON (or pretty) pino lines carrying the invocation context. */
export { getLogger } from './get-logger.js';

/** A separate logger with its own level, format or destination; same redaction and context. */
export { createLogger, type LoggerOptions } from './create-logger.js';

/** Runs code with fields (ids) attached to every line logged inside it, across `await`s. */
export { type LogContext, runWithLogContext } from './log-context.js';

/** Azure Monitor from `APPLICATIONINSIGHTS_CONNECTION_STRING`; in a worker, after the first call. */
export {
  startTelemetry,
  stopTelemetry,
  type TelemetryOptions,
  type TelemetryStartup,
} from './telemetry.js';

/** The pino logger type, for code that receives one (`requestContext.logger`). */
export type { Logger } from 'pino';
