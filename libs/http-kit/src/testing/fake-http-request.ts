import azureFunctions, { type HttpRequest } from '@azure/functions';

/** A request as the Functions host would hand it to the worker. */
export interface FakeHttpRequestOptions {
  readonly method?: string;
  /** Absolute URL without query; default `http://localhost:7071/api/test`. */
  readonly url?: string;
  readonly params?: Readonly<Record<string, string>>;
  /** Repeated keys as arrays. */
  readonly query?: Readonly<Record<string, string | readonly string[]>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** A string or bytes as is; anything else is sent as JSON (with `content-type: application/json`). */
  readonly body?: unknown;
  /**
   * `host` (default) joins repeated query keys with commas like the Functions host
   * (Azure/azure-functions-nodejs-library#168); `stream` keeps them apart like HTTP stream mode.
   */
  readonly queryMode?: 'host' | 'stream';
}

function encodeBody(body: unknown): { bytes?: Uint8Array; json: boolean } {
  if (body === undefined) return { json: false };
  if (body instanceof Uint8Array) return { bytes: body, json: false };
  if (typeof body === 'string') return { bytes: new TextEncoder().encode(body), json: false };
  return { bytes: new TextEncoder().encode(JSON.stringify(body)), json: true };
}

/** Builds a real `HttpRequest` the way the host encodes it: lowercase headers, joined query keys. */
export function createFakeHttpRequest(options: FakeHttpRequestOptions = {}): HttpRequest {
  const url = new URL(options.url ?? 'http://localhost:7071/api/test');
  const joined: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.query ?? {})) {
    const values = typeof value === 'string' ? [value] : [...value];
    for (const item of values) url.searchParams.append(key, item);
    joined[key] = values.join(',');
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  const { bytes, json } = encodeBody(options.body);
  if (bytes && bytes.byteLength > 0) {
    if (json && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
    headers['content-length'] ??= String(bytes.byteLength);
  }
  return new azureFunctions.HttpRequest({
    method: (options.method ?? 'GET').toUpperCase(),
    url: url.href,
    headers,
    params: { ...options.params },
    ...(options.queryMode === 'stream' ? {} : { query: joined }),
    ...(bytes ? { body: { bytes } } : {}),
  });
}
