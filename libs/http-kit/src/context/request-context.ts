import type { InvocationContext } from '@azure/functions';
import { getScopeValue, runWithLogContext } from '@cookbook/logging';

import { invocationLogSink } from './invocation-log-sink.js';

/** How the request reached the function, as far as APIM told us. */
export type CacheStatus = 'hit' | 'miss' | 'bypass';

/** Facts about the current invocation, available anywhere below the handler. */
export interface RequestContext {
  readonly invocationId: string;
  readonly functionName: string;
  /** From `x-correlation-id`, else `x-request-id`, else generated; echoed on every response. */
  readonly correlationId: string;
  /** W3C trace id from the host's `traceparent`, when present. */
  readonly traceId: string | undefined;
  readonly traceParent: string | undefined;
  /** `x-apim-gateway` value, or `null` when the request did not come through APIM. */
  readonly routedBy: string | null;
  /** `x-apim-cache` lowercased; `bypass` when the request did not come through APIM. */
  readonly cacheStatus: CacheStatus;
  /** `x-forwarded-for` entries, client first. */
  readonly forwardedFor: readonly string[];
  readonly method: string;
  /** URL path without the query string (keys may travel in `?code=`). */
  readonly path: string;
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
