import type { HeaderBag } from '../http/header-bag.js';
import { emptyResponse } from '../pipeline/gateway-response.js';
import type { RequestContext } from '../pipeline/request-context.js';

/** inbound/backend act on the request; outbound/on-error (and return-response) on the response. */
export function targetHeaders(ctx: RequestContext, targetsResponse: boolean): HeaderBag {
  if (!targetsResponse) return ctx.requestHeaders;
  ctx.response ??= emptyResponse();
  return ctx.response.headers;
}
