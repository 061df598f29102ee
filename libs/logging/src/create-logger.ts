import { type DestinationStream, type Logger, pino, stdTimeFunctions } from 'pino';

import { createDestination } from './destination.js';
import { getLogContext } from './log-context.js';
import { type LogFormat, logFormatFromEnv } from './log-format.js';
import { logLevelFromEnv, type LogLevelSetting } from './log-level.js';
import { redact, redactString } from './redact.js';

/** Options for {@link createLogger}; every field has an environment-driven default. */
export type LoggerOptions = {
  /** Minimum level (default: `LOG_LEVEL`, else `info`). */
  level?: LogLevelSetting;
  /** Line format (default: `LOG_FORMAT`, else pretty on a TTY and JSON elsewhere). */
  format?: LogFormat;
  /** Replaces the default routing (invocation sink, else stdout); receives JSON lines. */
  destination?: DestinationStream;
  /** Added to every line as `name`. */
  name?: string;
  /** Where the defaults are read from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
};

type LogArgs = Parameters<pino.LogFn>;

function contextFields(): Record<string, unknown> {
  return { ...getLogContext() };
}

function messageOf(value: unknown): string | undefined {
  if (value instanceof Error) return value.message;
  const err = (value as { err?: unknown } | null)?.err;
  return err instanceof Error ? err.message : undefined;
}

// the message and printf arguments bypass pino's object formatters, so scrub them here
function redactArgs(args: LogArgs): LogArgs {
  const [first, ...rest] = args as unknown[];
  const scrub = (value: unknown): unknown =>
    typeof value === 'string'
      ? redactString(value)
      : typeof value === 'object'
        ? redact(value)
        : value;
  if (typeof first === 'object' && first !== null && typeof rest[0] !== 'string') {
    const message = messageOf(first);
    if (message !== undefined && !('msg' in first)) rest.unshift(message);
  }
  const scrubbedRest = rest.map(scrub);
  return [typeof first === 'string' ? redactString(first) : first, ...scrubbedRest] as LogArgs;
}

/**
 * Creates a pino logger whose lines carry the current {@link LogContext} fields, are redacted,
 * and go to the invocation's sink (or stdout outside one).
 *
 * @example
 * const logger = createLogger({ level: 'debug', format: 'json' });
 * logger.info({ item_id: 42 }, 'Handled APIM backend request');
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const env = options.env ?? process.env;
  const format = options.format ?? logFormatFromEnv(env.LOG_FORMAT, Boolean(process.stdout.isTTY));
  const logger = pino(
    {
      level: options.level ?? logLevelFromEnv(env.LOG_LEVEL),
      base: options.name ? { name: options.name } : null,
      timestamp: stdTimeFunctions.isoTime,
      mixin: contextFields,
      // redact() already turned errors into plain objects; pino's err serializer would mangle them
      serializers: { err: (value: unknown) => value },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redact(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, redactArgs(args));
        },
      },
    },
    options.destination ?? createDestination({ format }),
  );
  // pino skips formatters for child bindings; children inherit this through their prototype
  const child = logger.child;
  logger.child = function redactedChild(this: Logger, bindings, childOptions) {
    return child.call(this, redact(bindings) as pino.Bindings, childOptions);
  } as Logger['child'];
  return logger;
}
