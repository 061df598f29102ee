import type { InvocationContext } from '@azure/functions';
import type { Logger } from '@cookbook/logging';
import { getScopeValue, runWithLogContext } from '@cookbook/logging/internal';

import { invocationLogSink } from './invocation-log-sink.js';

/**
 * What every invocation knows, whatever the recipe. A route's `context` extensions add their own
 * typed values next to these (see `ContextExtension`).
 */
export interface RequestContext {
  readonly invocationId: string;
  readonly functionName: string;
  /** From `x-correlation-id`, else `x-request-id`, else generated; echoed on every response. */
  readonly correlationId: string;
  /** W3C trace id from the host's `traceparent`, when present. */
  readonly traceId: string | undefined;
  readonly traceParent: string | undefined;
  /** Upper-case request method. */
  readonly method: string;
  /** URL path without the query string (keys may travel in `?code=`). */
  readonly path: string;
  /** The route template that matched, e.g. `catalog/{item_id}`. */
  readonly route: string;
  /** The process logger; inside the invocation its lines carry the ids above and reach the host. */
  readonly logger: Logger;
}

// Kept in the logging scope: one AsyncLocalStorage per invocation instead of one per library.
const REQUEST_CONTEXT = Symbol('@cookbook/http-kit.requestContext');

/** The current invocation's context, or `undefined` outside a route handler. */
export function getRequestContext(): RequestContext | undefined {
  return getScopeValue(REQUEST_CONTEXT) as RequestContext | undefined;
}

/**
 * Runs `fn` in one scope that holds `context` (for {@link getRequestContext}) and the log context
 * (ids on every line, lines to the invocation's own logger).
 */
export function runWithRequestContext<T>(
  context: RequestContext,
  invocation: InvocationContext,
  fn: () => T,
): T {
  const logContext: Record<string, string> = {
    invocationId: context.invocationId,
    functionName: context.functionName,
    correlationId: context.correlationId,
  };
  if (context.traceId) logContext.traceId = context.traceId;
  return runWithLogContext(logContext, fn, {
    sink: invocationLogSink(invocation),
    values: { [REQUEST_CONTEXT]: context },
  });
}
