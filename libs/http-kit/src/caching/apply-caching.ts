import { ResponseContractError } from '../validation/response-contract-error.js';
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
  /** Derives the ETag from the checked 200 body instead of hashing the serialized one. */
  readonly etagOf?: ((body: unknown) => string | undefined) | undefined;
  readonly cacheControl: string | undefined;
}

const CONDITIONAL_METHODS = new Set(['GET', 'HEAD']);
// RFC 9110 §8.8.3 entity-tag: optional weakness prefix, then a quoted opaque string.
const ENTITY_TAG = /^(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

function routeEtag(
  etagOf: (body: unknown) => string | undefined,
  body: unknown,
): string | undefined {
  const etag = etagOf(body);
  if (etag !== undefined && (typeof etag !== 'string' || !ENTITY_TAG.test(etag))) {
    throw new ResponseContractError(
      'cache.etag must return an entity tag like "v1" or W/"v1"',
      200,
    );
  }
  return etag;
}

/**
 * Adds `Cache-Control` to 2xx answers and, when enabled, an ETag to 200 GET/HEAD answers (the
 * route's own from `checkedBody`, else a hash of the bytes); a matching `If-None-Match` turns the
 * answer into 304 with no body (RFC 9110 §13.1.2, §15.4.5).
 */
export function applyCaching(
  policy: CachePolicy,
  method: string,
  ifNoneMatch: string | null,
  response: OutgoingResponse,
  checkedBody?: unknown,
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
  const etag =
    headers.etag ??
    (policy.etagOf ? routeEtag(policy.etagOf, checkedBody) : computeEtag(response.body));
  // The route's function may answer `undefined`: no validator for this representation.
  if (etag === undefined) return response;
  headers.etag = etag;
  if (etagMatches(ifNoneMatch, etag)) {
    delete headers['content-type'];
    return { status: 304, headers, body: undefined };
  }
  return response;
}
