import type { RpcLogCategory, RpcLogLevel } from './core-types.js';
import { orderedStdout } from './ordered-stdout.js';
import { sanitizeLogMessage } from './sanitize-log-message.js';

export type HostLogLevel = Exclude<RpcLogLevel, 'none'>;

/** One line of host output: worker/system logs, user `context.log` calls and host messages. */
export interface HostLogEntry {
  time: Date;
  level: HostLogLevel;
  category: RpcLogCategory | 'host';
  message: string;
  functionName?: string;
  invocationId?: string;
}

export type HostLogSink = ((entry: HostLogEntry) => void) & {
  /** When set, entries below this level are dropped, so the host need not even format them. */
  readonly minimumLevel?: RpcLogLevel;
  /**
   * Set by a sink that redacts and escapes messages itself when it prints them (off the request
   * path): it then receives each message as logged. Every other sink receives them sanitized.
   */
  readonly sanitizesLater?: true;
};

const LEVEL_ORDER: Record<RpcLogLevel, number> = {
  trace: 0,
  debug: 1,
  information: 2,
  warning: 3,
  error: 4,
  critical: 5,
  none: 6,
};

export function isLevelEnabled(level: RpcLogLevel, minimum: RpcLogLevel): boolean {
  return LEVEL_ORDER[level] >= LEVEL_ORDER[minimum];
}

const LABEL: Record<HostLogLevel, string> = {
  trace: 'trce',
  debug: 'dbug',
  information: 'info',
  warning: 'warn',
  error: 'fail',
  critical: 'crit',
};

let lastMillis = -1;
let lastIso = '';

// Several lines share a millisecond under load; format each timestamp once.
function isoTime(time: Date): string {
  const millis = time.getTime();
  if (millis !== lastMillis) {
    lastMillis = millis;
    lastIso = time.toISOString();
  }
  return lastIso;
}

/** Formats like `func start`: timestamp first, then the function and invocation it belongs to. */
export function formatHostLogEntry(entry: HostLogEntry): string {
  return formatLine(entry, entry.message);
}

function formatLine(entry: HostLogEntry, message: string): string {
  // Host lines ("Executing 'Functions.x' (..., Id=...)") already name the function and invocation.
  const scope =
    entry.functionName && entry.category !== 'host'
      ? ` Functions.${entry.functionName}${entry.invocationId ? ` (Id=${entry.invocationId})` : ''}:`
      : '';
  return `[${isoTime(entry.time)}] ${LABEL[entry.level]}:${scope} ${message}`;
}

/**
 * Default sink: func-style lines on stdout, like `func start`. A line costs the request only a
 * queue push: it is redacted, formatted and written later (at most 10 ms), many lines per write,
 * and still in order with the app's own console output (see ordered-stdout.ts).
 */
export function consoleLogSink(minimum: RpcLogLevel): HostLogSink {
  const queue = orderedStdout();
  const sink = (entry: HostLogEntry): void => {
    if (isLevelEnabled(entry.level, minimum)) queue.enqueue(entry, renderConsoleLine);
  };
  return Object.assign(sink, { minimumLevel: minimum, sanitizesLater: true as const });
}

function renderConsoleLine(entry: HostLogEntry): string {
  return `${formatLine(entry, sanitizeLogMessage(entry.message, entry.category))}\n`;
}
