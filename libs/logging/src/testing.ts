export { resetLogger } from './get-logger.js';
export {
  type CapturedLogs,
  captureLogs,
  type CaptureLogsOptions,
  type LogRecord,
} from './testing/capture-logs.js';
