import { type DestinationStream, type Logger, pino, symbols } from 'pino';

import { contextJsonFor, scopeFields } from './context-fields.js';
import { createDestination } from './destination.js';
import { peekLogScope } from './log-context.js';
import { type LogFormat, logFormatFromEnv } from './log-format.js';
import { logLevelFromEnv, type LogLevelSetting } from './log-level.js';
import { plainLineJson } from './plain-line-json.js';
import { redact } from './redact.js';
import { redactLogArgs } from './redact-log-args.js';
import { redactString } from './redact-string.js';

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

// pino keeps a logger's child bindings, serialized, under this symbol ('' for none)
const hasNoBindings = (logger: object): boolean =>
  (logger as { [symbols.chindingsSym]?: string })[symbols.chindingsSym] === '';

let cachedSecond = -1;
let secondPrefix = '';
// The context members of the line being written: set by the logMethod hook, read by the
// timestamp function that pino calls synchronously inside the same log call.
let pendingContext: string | undefined;

// toISOString() per line is a measurable share of a line: format the second once, add the ms.
function isoTime(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    // "2026-11-28T20:13:42." (the ISO string up to and including the dot)
    secondPrefix = `,"time":"${new Date(second * 1000).toISOString().slice(0, 20)}`;
  }
  const millis = now - second * 1000;
  return `${secondPrefix}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z"`;
}

/**
 * pino `timestamp`: the time, then the scope's context fields, redacted and serialized once per
 * scope (pino documents the result as a partial JSON string and appends it as is).
 */
function timeAndContext(): string {
  const context = pendingContext ?? scopeFields(peekLogScope()).json;
  pendingContext = undefined;
  return isoTime() + context;
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
      timestamp: timeAndContext,
      // redact() already turned errors into plain objects; pino's err serializer would mangle them
      serializers: { err: (value: unknown) => value },
      formatters: {
        level: (label) => ({ level: label }),
      },
      hooks: {
        logMethod(args, method) {
          const scope = scopeFields(peekLogScope());
          // logger.info({ ...plain fields }, 'message') on a logger without bindings: the fields
          // are appended with the context (same bytes as pino's), and pino writes the message only
          const fields =
            args.length === 2 && typeof args[1] === 'string' && hasNoBindings(this)
              ? plainLineJson(args[0])
              : undefined;
          if (fields !== undefined) {
            pendingContext = contextJsonFor(scope, args[0]) + fields;
            method.call(this, redactString(args[1] as string));
            return;
          }
          const redacted = redactLogArgs(args);
          pendingContext = contextJsonFor(scope, redacted[0]);
          method.apply(this, redacted);
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
