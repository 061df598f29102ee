import { AsyncLocalStorage } from 'node:async_hooks';

import type { LogLevel } from './log-level.js';

/** Fields attached to every log line written inside {@link runWithLogContext}. */
export type LogContext = {
  invocationId?: string;
  functionName?: string;
  correlationId?: string;
  traceId?: string;
  [key: string]: unknown;
};

/** Receives each finished line (no trailing newline) written inside an invocation. */
export type LogSink = (level: LogLevel, line: string) => void;

/** Options for {@link runWithLogContext}. */
export type LogContextOptions = {
  /** Where lines go while `fn` runs; inherited from the enclosing scope when omitted. */
  sink?: LogSink;
};

type LogScope = { readonly context: Readonly<LogContext>; readonly sink?: LogSink };

const storage = new AsyncLocalStorage<LogScope>();

/**
 * Runs `fn` with `context` attached to every line logged inside it, across `await`s.
 * Nested scopes add to (and override) the enclosing scope's fields.
 *
 * @example
 * runWithLogContext({ invocationId, functionName, correlationId }, () => handler(request), {
 *   sink: (level, line) => context[level === 'fatal' ? 'error' : level](line),
 * });
 */
export function runWithLogContext<T>(
  context: LogContext,
  fn: () => T,
  options: LogContextOptions = {},
): T {
  const outer = storage.getStore();
  const merged: LogContext = { ...outer?.context };
  for (const [key, value] of Object.entries(context)) {
    if (value !== undefined) merged[key] = value;
  }
  const sink = options.sink ?? outer?.sink;
  return storage.run(sink ? { context: merged, sink } : { context: merged }, fn);
}

/** The context of the current scope, or `undefined` outside {@link runWithLogContext}. */
export function getLogContext(): LogContext | undefined {
  const context = storage.getStore()?.context;
  return context ? { ...context } : undefined;
}

/** The sink of the current scope, if any. */
export function getLogSink(): LogSink | undefined {
  return storage.getStore()?.sink;
}

/** The current scope's own context object (stable per scope; do not mutate). */
export function peekLogContext(): Readonly<LogContext> | undefined {
  return storage.getStore()?.context;
}
