import type { HttpRequest, InvocationContext } from '@azure/functions';
import { getLogger } from '@cookbook/logging';

import { resolveCorrelationId } from './correlation-id.js';
import type { RequestContext } from './request-context.js';
import { traceIdFromTraceParent } from './trace-parent.js';

// The host always sends an absolute URL; slicing is cheaper than a full URL parse per request.
function pathOf(url: string): string {
  const query = url.search(/[?#]/);
  const end = query < 0 ? url.length : query;
  const start = url.indexOf('/', url.indexOf('//') + 2);
  return start < 0 || start >= end ? '/' : url.slice(start, end);
}

/** Builds the per-invocation context from the request headers and the host's invocation data. */
export function createRequestContext(
  request: HttpRequest,
  invocation: InvocationContext,
  route: string,
  // `request.headers` is a getter into undici; the caller may pass the object it already read
  headers: Headers = request.headers,
): RequestContext {
  const traceParent = invocation.traceContext?.traceParent ?? undefined;
  return {
    invocationId: invocation.invocationId,
    functionName: invocation.functionName,
    correlationId: resolveCorrelationId(headers),
    traceId: traceIdFromTraceParent(traceParent),
    traceParent,
    method: request.method.toUpperCase(),
    path: pathOf(request.url),
    route,
    logger: getLogger(),
  };
}
