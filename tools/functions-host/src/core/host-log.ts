import { fstatSync, type Stats, writeSync } from 'node:fs';
import { isatty } from 'node:tty';

import type { RpcLogCategory, RpcLogLevel } from './core-types.js';

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
  // Host lines ("Executing 'Functions.x' (..., Id=...)") already name the function and invocation.
  const scope =
    entry.functionName && entry.category !== 'host'
      ? ` Functions.${entry.functionName}${entry.invocationId ? ` (Id=${entry.invocationId})` : ''}:`
      : '';
  return `[${isoTime(entry.time)}] ${LABEL[entry.level]}:${scope} ${entry.message}`;
}

/** Default sink: one stdout stream like `func start`, so lines keep their order. */
export function consoleLogSink(minimum: RpcLogLevel): HostLogSink {
  const write = stdoutWriter();
  const sink = (entry: HostLogEntry): void => {
    if (isLevelEnabled(entry.level, minimum)) write(`${formatHostLogEntry(entry)}\n`);
  };
  return Object.assign(sink, { minimumLevel: minimum });
}

/**
 * When stdout is a file or /dev/null, Node's own stream writes it synchronously with
 * fs.writeSync anyway; writing the string directly skips a JS Buffer copy and the stream
 * bookkeeping per line, in the same order. Terminals and pipes keep process.stdout.write.
 */
function stdoutWriter(): (line: string) => void {
  const stdout = process.stdout as NodeJS.WriteStream & { fd?: number };
  const fd = stdout.fd;
  let direct = false;
  try {
    direct = fd === 1 && !isatty(1) && isFileLike(fstatSync(1));
  } catch {
    direct = false;
  }
  if (!direct) return (line) => void process.stdout.write(line);
  return (line) => {
    // Someone replaced stdout (tests, log capture): respect that.
    if (process.stdout !== stdout || stdout.writableLength > 0) process.stdout.write(line);
    else writeSync(1, line);
  };
}

function isFileLike(stat: Stats): boolean {
  return stat.isFile() || stat.isCharacterDevice();
}
