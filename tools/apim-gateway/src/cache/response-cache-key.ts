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

/** What the key builder reads from the request's query string. */
export interface QueryView {
  names(): string[];
  values(name: string): readonly string[] | undefined;
}

/** What the key builder reads from the request's headers (names lower case). */
export interface HeaderView {
  get(lowerCaseName: string): string | undefined;
}

/**
 * Builds exactly `responseCacheKey`'s string with one concatenation per request: the vary-by
 * names' JSON is made once per policy, and the API/operation/backend prefix once per change.
 */
export class ResponseCacheKeyBuilder {
  private readonly queryNames: readonly string[];
  private readonly queryNamesJson: readonly string[];
  private readonly headerNames: readonly string[];
  private readonly headerNamesJson: readonly string[];
  private lastApiId: string | undefined;
  private lastOperationId: string | undefined;
  private lastBackendUrl: string | undefined;
  private lastPrefix = '';

  /** `headerNames` lower case, as responseCacheKey expects them. */
  constructor(varyByQueryNames: readonly string[], varyByHeaderNames: readonly string[]) {
    this.queryNames = varyByQueryNames;
    this.queryNamesJson = varyByQueryNames.map((name) => `[${JSON.stringify(name)},`);
    this.headerNames = varyByHeaderNames;
    this.headerNamesJson = varyByHeaderNames.map((name) => `[${JSON.stringify(name)},`);
  }

  key(
    apiId: string,
    operationId: string,
    backendUrl: string,
    path: string,
    query: QueryView,
    headers: HeaderView,
    developer: string | null,
  ): string {
    return (
      this.prefix(apiId, operationId, backendUrl) +
      JSON.stringify(path) +
      ',' +
      sortedQueryJson(query) +
      ',' +
      this.varyByQueryJson(query) +
      ',' +
      this.varyByHeadersJson(headers) +
      ',' +
      (developer === null ? 'null' : JSON.stringify(developer)) +
      ']'
    );
  }

  private prefix(apiId: string, operationId: string, backendUrl: string): string {
    if (
      apiId !== this.lastApiId ||
      operationId !== this.lastOperationId ||
      backendUrl !== this.lastBackendUrl
    ) {
      this.lastApiId = apiId;
      this.lastOperationId = operationId;
      this.lastBackendUrl = backendUrl;
      this.lastPrefix = `[${JSON.stringify(apiId)},${JSON.stringify(operationId)},${JSON.stringify(backendUrl)},`;
    }
    return this.lastPrefix;
  }

  private varyByQueryJson(query: QueryView): string {
    const names = this.queryNames;
    if (names.length === 0) return '[]';
    let json = '[';
    for (let i = 0; i < names.length; i++) {
      const values = query.values(names[i] as string);
      json +=
        (i === 0 ? '' : ',') +
        (this.queryNamesJson[i] as string) +
        (values === undefined ? 'null' : JSON.stringify(values)) +
        ']';
    }
    return json + ']';
  }

  private varyByHeadersJson(headers: HeaderView): string {
    const names = this.headerNames;
    if (names.length === 0) return '[]';
    let json = '[';
    for (let i = 0; i < names.length; i++) {
      const value = headers.get(names[i] as string);
      json +=
        (i === 0 ? '' : ',') +
        (this.headerNamesJson[i] as string) +
        (value === undefined ? 'null' : JSON.stringify(value)) +
        ']';
    }
    return json + ']';
  }
}

function sortedQueryJson(query: QueryView): string {
  const names = query.names();
  if (names.length === 0) return '[]';
  names.sort();
  let json = '[';
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    json += `${i === 0 ? '' : ','}[${JSON.stringify(name)},${JSON.stringify(query.values(name) ?? [])}]`;
  }
  return json + ']';
}
