import { setLineCapture } from '../destination.js';
import { getLogger } from '../get-logger.js';
import type { LogLevelSetting } from '../log-level.js';

/** One parsed log line. */
export type LogRecord = Record<string, unknown>;

/** What {@link captureLogs} collected; call `restore()` when done. */
export type CapturedLogs = { records: LogRecord[]; lines: string[]; restore(): void };

/** Options for {@link captureLogs}. */
export type CaptureLogsOptions = {
  /** Lowers (or raises) the process logger's level while capturing. */
  level?: LogLevelSetting;
};

/**
 * Routes every line from {@link getLogger} (and other default-routed loggers) to memory, as
 * JSON regardless of LOG_FORMAT, instead of the invocation sink or stdout.
 *
 * @example
 * const logs = captureLogs();
 * try { await handler(); } finally { logs.restore(); }
 * expect(logs.records).toContainEqual(expect.objectContaining({ msg: 'Handled' }));
 */
export function captureLogs(options: CaptureLogsOptions = {}): CapturedLogs {
  const records: LogRecord[] = [];
  const lines: string[] = [];
  const logger = getLogger();
  const previousLevel = logger.level;
  if (options.level) logger.level = options.level;
  const release = setLineCapture((_level, line) => {
    lines.push(line);
    records.push(JSON.parse(line) as LogRecord);
  });
  let restored = false;
  return {
    records,
    lines,
    restore() {
      if (restored) return;
      restored = true;
      release();
      logger.level = previousLevel;
    },
  };
}
