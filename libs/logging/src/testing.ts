/** Routes every line of the process logger to memory (parsed), for assertions in tests. */
export {
  type CapturedLogs,
  captureLogs,
  type CaptureLogsOptions,
  type LogRecord,
} from './testing/capture-logs.js';
