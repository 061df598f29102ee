import { AsyncLocalStorage } from 'node:async_hooks';

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

const storage = new AsyncLocalStorage<RequestContext>();

/** The current invocation's context, or `undefined` outside a route handler. */
export function getRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs `fn` with `context` as the current request context. */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}
