import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

import { limitBody } from '../streams/limit-body.js';
import { isValidHostHeader } from './host-header.js';
import type { HostRequest, HostResponse } from './host-request.js';
import { RequestRejection } from './request-rejection.js';

export { RequestRejection } from './request-rejection.js';

export const CHUNKED_WARNING =
  'A request arrived with Transfer-Encoding: chunked and no Content-Length. Azure Functions only passes a body when Content-Length > 0, so the function receives no body (Azure/azure-functions-nodejs-library#171). Send Content-Length.';

interface RequestLimits {
  maxRequestBodySize: number;
  maxUrlLength: number;
}

/**
 * Converts a WHATWG Request into what the host sees. The body is read on demand, like over a
 * socket, so a 404/401 never reads it. Fetch clients send Content-Length for known-length
 * bodies, so a body counts unless the request explicitly says it is chunked.
 */
export function fromFetchRequest(
  request: Request,
  limits: RequestLimits,
  onChunkedDropped: () => void,
  streams = false,
): HostRequest {
  if (request.url.length > limits.maxUrlLength) {
    throw new RequestRejection(414, `URL longer than ${limits.maxUrlLength} characters.`);
  }
  const url = new URL(request.url);
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => headers.push([name, value]));
  const host = request.headers.get('host');
  if (host === null) headers.push(['host', url.host]);
  else if (!isValidHostHeader(host)) throw new RequestRejection(400, 'Invalid Host header.');
  const hostRequest: HostRequest = {
    method: request.method,
    url: url.href,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    remoteAddress: '127.0.0.1',
    remotePort: 0,
    clientGone: request.signal,
  };
  if (streams) {
    hostRequest.openBody = () => openFetchBody(request, limits);
  } else if (request.body) {
    hostRequest.readBody = () => readFetchBody(request, headers, limits, onChunkedDropped);
  }
  return hostRequest;
}

/** Streams mode: the body flows through unbuffered (a chunked one too), 413 once past the limit. */
function openFetchBody(request: Request, limits: RequestLimits): Readable | undefined {
  const declaredLength = request.headers.get('content-length');
  if (declaredLength !== null && !/^\d+$/.test(declaredLength)) {
    throw new RequestRejection(400, 'Invalid Content-Length.');
  }
  if (Number(declaredLength ?? 0) > limits.maxRequestBodySize) {
    throw new RequestRejection(413, `Request body larger than ${limits.maxRequestBodySize} bytes.`);
  }
  if (!request.body) return undefined;
  const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  const limited = limitBody(limits.maxRequestBodySize);
  source.on('error', (error) => limited.destroy(error));
  return source.pipe(limited);
}

async function readFetchBody(
  request: Request,
  headers: [string, string][],
  limits: RequestLimits,
  onChunkedDropped: () => void,
): Promise<Uint8Array | undefined> {
  const declaredLength = request.headers.get('content-length');
  if (declaredLength !== null && !/^\d+$/.test(declaredLength)) {
    throw new RequestRejection(400, 'Invalid Content-Length.');
  }
  const tooLarge = (): RequestRejection =>
    new RequestRejection(413, `Request body larger than ${limits.maxRequestBodySize} bytes.`);
  if (Number(declaredLength ?? 0) > limits.maxRequestBodySize) throw tooLarge();
  const bytes = await readAtMost(request, limits.maxRequestBodySize, tooLarge);
  const chunked = /chunked/i.test(request.headers.get('transfer-encoding') ?? '');
  if (chunked && declaredLength === null) {
    if (bytes.length > 0) onChunkedDropped();
    return undefined;
  }
  if (bytes.length === 0) return undefined;
  if (declaredLength === null) headers.push(['content-length', String(bytes.length)]);
  return bytes;
}

/** Streams the body, stopping (and cancelling the stream) as soon as it passes the limit. */
async function readAtMost(
  request: Request,
  limit: number,
  tooLarge: () => RequestRejection,
): Promise<Uint8Array> {
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, total);
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function toFetchResponse(response: HostResponse): Response {
  const headers = new Headers();
  for (const [name, value] of response.headers) headers.append(name, value);
  if (response.stream) {
    if (NULL_BODY_STATUSES.has(response.status)) {
      response.stream.resume();
      return new Response(null, { status: response.status, headers });
    }
    // Cancelling the body destroys the stream: the host sees the client go away.
    const body = Readable.toWeb(response.stream) as ReadableStream<Uint8Array>;
    return new Response(body, { status: response.status, headers });
  }
  const body = NULL_BODY_STATUSES.has(response.status) ? null : (response.body ?? null);
  return new Response(body, { status: response.status, headers });
}
