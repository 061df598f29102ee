import { tracingChannel } from 'node:diagnostics_channel';

import { type DestinationStream, type Logger, pino, symbols } from 'pino';

import { contextJsonFor, scopeFields } from './context-fields.js';
import { createDestination, WRITE_LINE, type WriteLine } from './destination.js';
import { peekLogScope } from './log-context.js';
import { type LogFormat, logFormatFromEnv } from './log-format.js';
import { logLevelFromEnv, type LogLevelSetting } from './log-level.js';
import { plainLineJson, plainMessageMember } from './plain-line-json.js';
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

// exported by pino at run time, missing from its types
const msgPrefixSym = (symbols as unknown as Record<string, symbol>)['msgPrefixSym'] as symbol;

// pino's own state on a logger instance (symbols it exports), read by the direct write below
type PinoInternals = {
  [symbols.chindingsSym]?: string;
  [msgPrefixSym]?: string;
  [symbols.lsCacheSym]: Record<number, string>;
  [symbols.endSym]: string;
  [symbols.streamSym]: DestinationStream & Partial<StreamMetadata> & { [WRITE_LINE]?: WriteLine };
  [symbols.timeSliceIndexSym]: number;
  [symbols.formattersSym]: { log?: unknown };
  [symbols.serializersSym]: Record<string, unknown>;
  [symbols.hooksSym]: { streamWrite?: unknown };
};
type StreamMetadata = {
  [symbols.needsMetadataGsym]: boolean;
  lastLevel: number;
  lastObj: object;
  lastMsg: string;
  lastTime: string;
  lastLogger: Logger;
};
// pino's asJson tracing channel: with subscribers, lines go through pino so they see them
const asJsonChannel = tracingChannel('pino_asJson');
const NO_OBJECT = Object.freeze({});

// Nothing pino would add between the fields and the message: no child bindings ('' for none),
// message prefix, log formatter, message serializer or stream hook.
function writesPlainLines(logger: PinoInternals): boolean {
  return (
    logger[symbols.chindingsSym] === '' &&
    logger[msgPrefixSym] === undefined &&
    logger[symbols.formattersSym].log === undefined &&
    logger[symbols.serializersSym]['msg'] === undefined &&
    logger[symbols.hooksSym].streamWrite === undefined &&
    !asJsonChannel.hasSubscribers
  );
}

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

// What pino's write does with a finished line (proto.js `write`), minus building it.
function writeLine(
  logger: PinoInternals & Logger,
  level: number,
  timeAndFields: string,
  message: string,
): void {
  const stream = logger[symbols.streamSym];
  const start = logger[symbols.lsCacheSym][level] + timeAndFields + message;
  const writeOwn = stream[WRITE_LINE];
  // the library's own destination takes the line without its newline, and the level as is
  if (writeOwn) {
    writeOwn(level, `${start}}`);
    return;
  }
  if (stream[symbols.needsMetadataGsym] === true) {
    stream.lastLevel = level;
    stream.lastObj = NO_OBJECT;
    stream.lastMsg = JSON.parse(message.slice(',"msg":'.length)) as string;
    stream.lastTime = timeAndFields.slice(logger[symbols.timeSliceIndexSym]);
    stream.lastLogger = logger;
  }
  stream.write(start + logger[symbols.endSym]);
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
        logMethod(args, method, level) {
          const scope = scopeFields(peekLogScope());
          // logger.info({ ...plain fields }, 'message') on a plain logger: the line is built here,
          // byte for byte what pino would write, and handed to the stream as pino would
          const fields =
            args.length === 2 &&
            typeof args[1] === 'string' &&
            writesPlainLines(this as unknown as PinoInternals)
              ? plainLineJson(args[0])
              : undefined;
          const message = fields === undefined ? undefined : plainMessageMember(args[1] as string);
          if (message !== undefined) {
            writeLine(
              this as unknown as PinoInternals & Logger,
              level,
              isoTime() + contextJsonFor(scope, args[0]) + fields,
              message,
            );
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
