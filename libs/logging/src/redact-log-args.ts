import type { LogFn } from 'pino';

import { redact } from './redact.js';
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

/**
 * pino `logMethod` helper: the message and printf arguments never reach the merge strategy, so
 * they are scrubbed here. An error's message, which pino would copy into `msg`, is made explicit
 * first so it is scrubbed too.
 */
export function redactLogArgs(args: LogArgs): LogArgs {
  const [first, ...rest] = args as unknown[];
  if (typeof first === 'object' && first !== null && typeof rest[0] !== 'string') {
    const message = messageOf(first);
    if (message !== undefined && !('msg' in first)) rest.unshift(message);
  }
  return [typeof first === 'string' ? redactString(first) : first, ...rest.map(scrub)] as LogArgs;
}
