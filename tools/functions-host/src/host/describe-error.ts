import { escapeLogText } from '../core/escape-log-text.js';

const FRAME = /^\s+at /;

/**
 * The `Exception: ... / Stack:` part of the host's failure line. Only the message and V8's
 * `at` frames are printed, each escaped onto its own line, so a thrown message can neither
 * forge a log line nor hide in a multi-line stack header.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `Exception: ${escapeLogText(safeString(error))}`;
  const frames = (typeof error.stack === 'string' ? error.stack.split('\n') : [])
    .filter((line) => FRAME.test(line))
    .map((line) => `    ${escapeLogText(line.trim())}`);
  const message = `Exception: ${escapeLogText(safeString(error.message))}`;
  return frames.length === 0 ? message : `${message}\nStack:\n${frames.join('\n')}`;
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '(a value that cannot be printed)';
  }
}
