import { type DestinationStream, type Logger, pino, stdTimeFunctions } from 'pino';

import { contextFields, mergeWithContext } from './context-mixin.js';
import { createDestination } from './destination.js';
import { type LogFormat, logFormatFromEnv } from './log-format.js';
import { logLevelFromEnv, type LogLevelSetting } from './log-level.js';
import { redact } from './redact.js';
import { redactLogArgs } from './redact-log-args.js';

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
      mixinMergeStrategy: mergeWithContext,
      // redact() already turned errors into plain objects; pino's err serializer would mangle them
      serializers: { err: (value: unknown) => value },
      formatters: {
        level: (label) => ({ level: label }),
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, redactLogArgs(args));
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
