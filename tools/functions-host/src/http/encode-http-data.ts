import type { RpcHttpData, RpcNullableString } from '../core/core-types.js';
import type { HostRequest } from './host-request.js';

/**
 * Encodes a request the way the host does for a worker that advertises RawHttpBodyBytes,
 * RpcHttpBodyOnly, IgnoreEmptyValuedRpcHttpHeaders and UseNullableValueDictionaryForHttp:
 * lowercased header names, repeats joined with commas, only supplied route values, body bytes.
 */
export function encodeHttpData(
  request: HostRequest,
  query: Map<string, string>,
  params: Record<string, string>,
): RpcHttpData {
  const headers = new Map<string, string>();
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    const previous = headers.get(lower);
    headers.set(lower, previous === undefined ? value : `${previous},${value}`);
  }
  const nullableHeaders: Record<string, RpcNullableString> = {};
  for (const [name, value] of headers) if (value !== '') nullableHeaders[name] = { value };
  const nullableQuery: Record<string, RpcNullableString> = {};
  for (const [name, value] of query) nullableQuery[name] = { value };
  const nullableParams: Record<string, RpcNullableString> = {};
  for (const [name, value] of Object.entries(params)) nullableParams[name] = { value };

  const data: RpcHttpData = {
    method: request.method,
    url: request.url,
    nullableHeaders,
    nullableQuery,
    nullableParams,
  };
  if (request.body && request.body.length > 0) data.body = { bytes: request.body };
  return data;
}

/** Joined header value by lowercase name (first-level helper for host decisions). */
export function headerValue(request: HostRequest, name: string): string | undefined {
  let result: string | undefined;
  for (const [key, value] of request.headers) {
    if (key.toLowerCase() === name) result = result === undefined ? value : `${result},${value}`;
  }
  return result;
}
