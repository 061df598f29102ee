/** Everything a cached response varies by (APIM: API, operation, backend URL and the vary-by values). */
export interface ResponseCacheKeyParts {
  apiId: string;
  operationId: string;
  backendUrl: string;
  path: string;
  /** Every query parameter, sorted by name; values in request order. */
  query: ReadonlyArray<readonly [name: string, values: readonly string[]]>;
  /** vary-by-query-parameter names with their values (null when absent). */
  varyByQuery: ReadonlyArray<readonly [name: string, values: readonly string[] | null]>;
  /** vary-by-header names (lower case) with their value (null when absent). */
  varyByHeaders: ReadonlyArray<readonly [name: string, value: string | null]>;
  /** Subscription id with vary-by-developer, else null. */
  developer: string | null;
}

/**
 * An unambiguous key: JSON of nested arrays, so no value can contain a separator that fakes
 * another part (joining with "|" let `?x=|h:accept=z` collide with an `Accept` value).
 */
export function responseCacheKey(parts: ResponseCacheKeyParts): string {
  return JSON.stringify([
    parts.apiId,
    parts.operationId,
    parts.backendUrl,
    parts.path,
    parts.query,
    parts.varyByQuery,
    parts.varyByHeaders,
    parts.developer,
  ]);
}
