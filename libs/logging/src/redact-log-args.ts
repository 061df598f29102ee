import type { LogFn } from 'pino';

import { redact, redactFields } from './redact.js';
import { redactString } from './redact-string.js';

type LogArgs = Parameters<LogFn>;

function messageOf(value: object): string | undefined {
  if (value instanceof Error) return value.message;
  const err = (value as { err?: unknown }).err;
  return err instanceof Error ? err.message : undefined;
}

function scrub(value: unknown): unknown {
  if (typeof value === 'string') return redactString(value);
  return typeof value === 'object' ? redact(value) : value;
}

// An error goes under `err`, as pino would put it, already serialized and redacted.
function scrubLine(line: unknown): unknown {
  if (typeof line === 'string') return redactString(line);
  if (typeof line !== 'object' || line === null) return line;
  if (line instanceof Error) return { err: redact(line) };
  return redactFields(line);
}

/**
 * pino `logMethod` helper: redacts the line's fields, the message and printf arguments before
 * pino sees them. An error's message, which pino would copy into `msg`, is made explicit first
 * so it is scrubbed too.
 */
export function redactLogArgs(args: LogArgs): LogArgs {
  // the usual call, logger.info({ ...fields }, 'message'), without the generic reshuffling
  if (args.length === 2 && typeof args[1] === 'string') {
    return [scrubLine(args[0]), redactString(args[1])] as LogArgs;
  }
  const [first, ...rest] = args as unknown[];
  if (typeof first === 'object' && first !== null && typeof rest[0] !== 'string') {
    const message = messageOf(first);
    if (message !== undefined && !('msg' in first)) rest.unshift(message);
  }
  return [scrubLine(first), ...rest.map(scrub)] as LogArgs;
}
