import type { RpcHttpData, RpcNullableString } from '../core/core-types.js';
import type { HostRequest } from './host-request.js';

/**
 * Encodes a request the way the host does for a worker that advertises RawHttpBodyBytes,
 * RpcHttpBodyOnly, IgnoreEmptyValuedRpcHttpHeaders and UseNullableValueDictionaryForHttp:
 * lowercased header names, repeats joined with commas, only supplied route values, body bytes.
 */
export function encodeHttpData(
  request: Pick<HostRequest, 'method' | 'url'>,
  body: Uint8Array | undefined,
  headers: ReadonlyMap<string, string>,
  query: ReadonlyMap<string, string>,
  params: Record<string, string>,
): RpcHttpData {
  const nullableHeaders: Record<string, RpcNullableString> = {};
  for (const [name, value] of headers) if (value !== '') nullableHeaders[name] = { value };
  const nullableQuery: Record<string, RpcNullableString> = {};
  for (const [name, value] of query) nullableQuery[name] = { value };
  const nullableParams: Record<string, RpcNullableString> = {};
  for (const name in params) nullableParams[name] = { value: params[name] ?? '' };

  const data: RpcHttpData = {
    method: request.method,
    url: request.url,
    nullableHeaders,
    nullableQuery,
    nullableParams,
  };
  if (body && body.length > 0) data.body = { bytes: body };
  return data;
}

/** Header lines by lowercased name, repeats joined with "," (ASP.NET StringValues.ToString()). */
export function joinHeaders(lines: [string, string][]): Map<string, string> {
  const headers = new Map<string, string>();
  for (const [name, value] of lines) {
    const lower = name.toLowerCase();
    const previous = headers.get(lower);
    headers.set(lower, previous === undefined ? value : `${previous},${value}`);
  }
  return headers;
}
