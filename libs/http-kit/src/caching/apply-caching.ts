import { computeEtag, etagMatches } from './etag.js';

/** A response on its way out, before the correlation header is added; `headers` is its own. */
export interface OutgoingResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array | undefined;
}

/** Caching settings resolved at definition time. */
export interface CachePolicy {
  readonly etag: boolean;
  readonly cacheControl: string | undefined;
}

const CONDITIONAL_METHODS = new Set(['GET', 'HEAD']);

/**
 * Adds `Cache-Control` to 2xx answers and, when enabled, a strong ETag to 200 GET/HEAD answers;
 * a matching `If-None-Match` turns the answer into 304 with no body (RFC 9110 §13.1.2, §15.4.5).
 */
export function applyCaching(
  policy: CachePolicy,
  method: string,
  ifNoneMatch: string | null,
  response: OutgoingResponse,
): OutgoingResponse {
  if (response.status < 200 || response.status >= 300) return response;
  const { headers } = response;
  if (policy.cacheControl && headers['cache-control'] === undefined) {
    headers['cache-control'] = policy.cacheControl;
  }
  if (
    !policy.etag ||
    response.status !== 200 ||
    !CONDITIONAL_METHODS.has(method) ||
    response.body === undefined
  ) {
    return response;
  }
  // A handler that knows its validator (static assets) sets it and skips the hash.
  headers.etag ??= computeEtag(response.body);
  if (etagMatches(ifNoneMatch, headers.etag)) {
    delete headers['content-type'];
    return { status: 304, headers, body: undefined };
  }
  return response;
}
