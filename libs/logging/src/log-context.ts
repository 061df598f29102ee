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
  /**
   * Values another library keeps in this same scope, by symbol key (http-kit's request context),
   * read back with {@link getScopeValue}; nested scopes inherit and may override them. One
   * AsyncLocalStorage per invocation is cheaper than one per library.
   */
  values?: Readonly<Record<symbol, unknown>>;
};

/** One scope; `fields` is the redacted context as JSON members, filled on the first line. */
export type LogScope = {
  readonly context: Readonly<LogContext>;
  readonly sink: LogSink | undefined;
  readonly values: Readonly<Record<symbol, unknown>> | undefined;
  fields: ScopeFields | undefined;
};

/** The context of a scope, redacted once and serialized as `,"key":value` members. */
export type ScopeFields = {
  /** Redacted context values by key (to spot line fields that override them). */
  readonly values: Readonly<Record<string, unknown>>;
  /** Every member, ready to append to a JSON line. */
  readonly json: string;
};

const storage = new AsyncLocalStorage<LogScope>();

function mergeContext(outer: Readonly<LogContext> | undefined, context: LogContext): LogContext {
  const merged: LogContext = { ...outer };
  for (const key in context) {
    if (!Object.hasOwn(context, key)) continue;
    const value = context[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

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
  let values = outer?.values;
  if (options.values) values = values ? { ...values, ...options.values } : options.values;
  return storage.run(
    {
      context: mergeContext(outer?.context, context),
      sink: options.sink ?? outer?.sink,
      values,
      fields: undefined,
    },
    fn,
  );
}

/** The context of the current scope, or `undefined` outside {@link runWithLogContext}. */
export function getLogContext(): LogContext | undefined {
  const context = storage.getStore()?.context;
  return context ? { ...context } : undefined;
}

/** A value stored with `options.values` by the current scope or an enclosing one. */
export function getScopeValue(key: symbol): unknown {
  return storage.getStore()?.values?.[key];
}

/** The sink of the current scope, if any. */
export function getLogSink(): LogSink | undefined {
  return storage.getStore()?.sink;
}

/** The current scope's own context object (stable per scope; do not mutate). */
export function peekLogContext(): Readonly<LogContext> | undefined {
  return storage.getStore()?.context;
}

/** The current scope itself (stable per scope; only `fields` may be filled in). */
export function peekLogScope(): LogScope | undefined {
  return storage.getStore();
}
