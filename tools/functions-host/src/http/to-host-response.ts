import type { RpcInvocationResponse, RpcTypedData } from '../core/core-types.js';
import { formatSetCookie } from './format-set-cookie.js';
import type { HostResponse } from './host-request.js';

const NO_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * Turns the worker's `returnValue.http` into the HTTP response like the host's RawScriptResult:
 * status string → number, headers, cookies → Set-Cookie, body bytes; no result → 200 (OkResult).
 */
export function toHostResponse(response: RpcInvocationResponse): HostResponse {
  const http = response.returnValue?.http;
  const headers: [string, string][] = [];
  let status = 200;
  let body: Uint8Array | undefined;
  if (http) {
    if (http.statusCode != null && http.statusCode !== '') {
      status = Number(http.statusCode);
      if (!Number.isInteger(status) || status < 100 || status > 999) {
        throw new Error(`The function returned an invalid HTTP status "${http.statusCode}".`);
      }
    }
    for (const [name, value] of Object.entries(http.headers ?? {})) headers.push([name, value]);
    for (const cookie of http.cookies ?? []) headers.push(['set-cookie', formatSetCookie(cookie)]);
    body = NO_BODY_STATUSES.has(status) ? undefined : toBytes(http.body);
  }
  return { status, headers, body };
}

function toBytes(data: RpcTypedData | null | undefined): Uint8Array | undefined {
  if (!data) return undefined;
  if (data.bytes) return data.bytes;
  if (data.string != null) return Buffer.from(data.string, 'utf8');
  if (data.json != null) return Buffer.from(data.json, 'utf8');
  return undefined;
}

/** Adds host.json `customHeaders` to every response unless the function already set them. */
export function withCustomHeaders(
  response: HostResponse,
  customHeaders: readonly (readonly [string, string])[],
): HostResponse {
  for (const [name, value] of customHeaders) {
    if (!response.headers.some(([existing]) => existing.toLowerCase() === name)) {
      response.headers.push([name, value]);
    }
  }
  return response;
}
