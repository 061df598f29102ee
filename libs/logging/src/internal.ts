// For other workspace libraries only (http-kit keeps its request context in the logging scope
// and routes lines to the invocation); recipes use the public entry. Not a stable API.

/** Runs code in a logging scope; `options` set the sink and extra scope values. */
export { type LogContextOptions, type LogSink, runWithLogContext } from './log-context.js';

/** A value another library stored in the current scope (`options.values`), by symbol key. */
export { getScopeValue } from './log-context.js';

/** The severity of a line, as a sink receives it. */
export type { LogLevel } from './log-level.js';

/** Masks secrets inside free text (query parameters, auth schemes, connection strings), as log lines do. */
export { redactString } from './redact-string.js';
