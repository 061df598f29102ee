import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';

import type { LocalHost } from '../host/local-host-options.js';
import { CHUNKED_WARNING } from '../http/fetch-adapter.js';
import { isValidHostHeader } from '../http/host-header.js';
import type { HostRequest, HostResponse } from '../http/host-request.js';
import { RequestRejection } from '../http/request-rejection.js';
import { enforceMinDataRate, limitBody } from '../streams/limit-body.js';
import { clientErrorResponse } from './client-error-response.js';
import {
  KESTREL_MIN_REQUEST_BODY_DATA_RATE,
  type MinDataRate,
  readRequestBody,
} from './read-request-body.js';

export interface HostServerOptions {
  port?: number;
  hostname?: string;
  /** Kestrel's RequestHeadersTimeout (30 s): a request head not complete by then gets 408. */
  headersTimeoutMs?: number;
  /** Kestrel's MinRequestBodyDataRate (240 B/s after 5 s); `null` turns it off. */
  minRequestBodyDataRate?: MinDataRate | null;
  /** Default for `close()`: how long in-flight requests may finish (30 s). */
  drainTimeoutMs?: number;
}

export interface HostServer {
  server: Server;
  port: number;
  url: string;
  /**
   * Graceful stop: stop accepting connections, let in-flight requests finish for up to
   * `drainTimeoutMs`, then close what is left. Resolves with how many requests were cut off.
   */
  close(options?: { drainTimeoutMs?: number }): Promise<{ abandoned: number }>;
  /** Requests received and not yet answered. */
  inFlight(): number;
}

// Kestrel's limits: MaxRequestHeadersTotalSize 32 KB, MaxRequestHeaderCount 100.
export const KESTREL_MAX_HEADERS_TOTAL_SIZE: number = 32 * 1024;
export const KESTREL_MAX_HEADER_COUNT = 100;
export const KESTREL_HEADERS_TIMEOUT_MS = 30_000;
/** .NET's default host shutdown timeout, used as the drain timeout. */
export const DEFAULT_DRAIN_TIMEOUT_MS = 30_000;

interface ServerState {
  host: LocalHost;
  minDataRate: MinDataRate | undefined;
  draining: boolean;
  active: number;
  onIdle: (() => void) | undefined;
  /** Made once: a closure built per request would get a per-request __name (tsx keepNames). */
  warnChunkedDropped: () => void;
}

/** Serves a LocalHost over node:http with Azure's request limits; bad requests get a 4xx. */
export async function startHostServer(
  host: LocalHost,
  options: HostServerOptions = {},
): Promise<HostServer> {
  const headersTimeout = options.headersTimeoutMs ?? KESTREL_HEADERS_TIMEOUT_MS;
  const state: ServerState = {
    host,
    minDataRate:
      options.minRequestBodyDataRate === null
        ? undefined
        : (options.minRequestBodyDataRate ?? KESTREL_MIN_REQUEST_BODY_DATA_RATE),
    draining: false,
    active: 0,
    onIdle: undefined,
    warnChunkedDropped: () => host.warnOnce('chunked', CHUNKED_WARNING),
  };
  const server = createServer({
    maxHeaderSize: KESTREL_MAX_HEADERS_TOTAL_SIZE,
    headersTimeout,
    requestTimeout: Math.max(300_000, headersTimeout),
    // Node checks the timeouts on this interval (default 30 s, which would double them).
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeout / 4))),
  });
  server.maxHeadersCount = KESTREL_MAX_HEADER_COUNT + 1;
  const onRequest = (expectContinue: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    state.active += 1;
    res.once('close', () => {
      state.active -= 1;
      if (state.active === 0) state.onIdle?.();
    });
    serve(state, req, res, expectContinue).catch(() => {
      if (!res.headersSent) res.writeHead(500, { connection: 'close', 'content-length': 0 }).end();
      else res.destroy();
    });
  };
  server.on('request', onRequest(false));
  // Answer `Expect: 100-continue` only when the body will actually be read.
  server.on('checkContinue', onRequest(true));
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const message = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && !message?.headersSent) socket.end(clientErrorResponse(error.code));
    else socket.destroy();
  });
  const hostname = options.hostname ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, hostname, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`,
    close: (closeOptions = {}) =>
      drain(server, state, closeOptions.drainTimeoutMs ?? options.drainTimeoutMs),
    inFlight: () => state.active,
  };
}

async function drain(
  server: Server,
  state: ServerState,
  drainTimeoutMs = DEFAULT_DRAIN_TIMEOUT_MS,
): Promise<{ abandoned: number }> {
  state.draining = true;
  const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  server.closeIdleConnections();
  if (state.active > 0 && drainTimeoutMs > 0) {
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolveDrain) => {
      state.onIdle = resolveDrain;
      timer = setTimeout(resolveDrain, drainTimeoutMs);
    });
    clearTimeout(timer);
  }
  const abandoned = state.active;
  server.closeAllConnections();
  await closed;
  return { abandoned };
}

async function serve(
  state: ServerState,
  req: IncomingMessage,
  res: ServerResponse,
  expectContinue: boolean,
): Promise<void> {
  const { host } = state;
  const { maxRequestBodySize, maxUrlLength } = host.limits;
  const rawUrl = req.url ?? '/';
  if (rawUrl.length > maxUrlLength) return write(res, 414, true);
  // One pass over the raw header lines (Node builds req.headers lazily; it is never needed):
  // repeats stay apart for the host's "," join, and Node's own first-wins rule applies to
  // Host and Content-Length.
  const raw = req.rawHeaders;
  if (raw.length > KESTREL_MAX_HEADER_COUNT * 2) return write(res, 431, true);
  const headers: [string, string][] = new Array<[string, string]>(raw.length >> 1);
  let hostHeader: string | undefined;
  let declared: string | undefined;
  let chunked = false;
  for (let i = 0, line = 0; i + 1 < raw.length; i += 2, line += 1) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    headers[line] = [name, value];
    const length = name.length;
    if (length === 4) {
      if (hostHeader === undefined && name.toLowerCase() === 'host') hostHeader = value;
    } else if (length === 14) {
      if (declared === undefined && name.toLowerCase() === 'content-length') declared = value;
    } else if (length === 17 && name.toLowerCase() === 'transfer-encoding') {
      chunked = true;
    }
  }
  // HTTP/1.0 may omit Host; Kestrel rejects an HTTP/1.1 request without one.
  if (hostHeader === undefined && req.httpVersion === '1.0') {
    hostHeader = 'localhost';
    headers.push(['Host', hostHeader]);
  }
  if (
    hostHeader === undefined ||
    !isValidHostHeader(hostHeader) ||
    rawUrl.charCodeAt(0) !== 47 /* "/" */ ||
    UNSAFE_TARGET.test(rawUrl)
  ) {
    return write(res, 400, true);
  }
  const length = declared === undefined ? undefined : Number(declared);
  chunked &&= length === undefined;

  // The body is read only if the host asks for it: after routing and the key check.
  let bodyDone = !chunked && !length;
  let slowClient = false;
  let streamed = false;
  const queryStart = rawUrl.indexOf('?');
  const request: HostRequest = {
    method: req.method ?? 'GET',
    url: `http://${hostHeader}${rawUrl}`,
    path: queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart),
    query: queryStart === -1 ? '' : rawUrl.slice(queryStart + 1),
    headers,
    remoteAddress: req.socket.remoteAddress,
    remotePort: req.socket.remotePort,
    // Only streams mode forwards a client's departure (to the worker's proxy request).
    clientGone: host.streams ? clientGoneSignal(res) : undefined,
    openBody: host.streams
      ? () => {
          if (length !== undefined && length > maxRequestBodySize) {
            throw new RequestRejection(
              413,
              `Request body larger than ${maxRequestBodySize} bytes.`,
            );
          }
          if (!chunked && !length) return undefined;
          if (expectContinue) res.writeContinue();
          streamed = true;
          // pipe, not pipeline: a failed forward must not destroy the socket before the 413.
          const limited = limitBody(maxRequestBodySize);
          req.once('aborted', () =>
            limited.destroy(new RequestRejection(400, 'The client closed the request.')),
          );
          req.once('end', () => (bodyDone = true));
          if (state.minDataRate) enforceMinDataRate(req, limited, state.minDataRate);
          return req.pipe(limited);
        }
      : undefined,
  };
  // Assigned, not a literal property: keepNames would wrap a property closure in __name per request.
  // Without a body (and no 100 to send) there is nothing to read: the host sees `body` undefined.
  if (!bodyDone || expectContinue)
    request.readBody = async () => {
      if (expectContinue && (length ?? 0) <= maxRequestBodySize) res.writeContinue();
      try {
        const body = await readRequestBody(req, {
          length,
          chunked,
          limit: maxRequestBodySize,
          minDataRate: state.minDataRate,
          onChunkedDropped: state.warnChunkedDropped,
        });
        bodyDone = true;
        return body;
      } catch (error) {
        slowClient = error instanceof RequestRejection && error.status !== 413;
        throw error;
      }
    };
  const response = await host.handle(request);
  // Close on a client too slow (408) or gone (400), on one told not to send its body
  // (Expect: 100-continue without a 100), and while draining; otherwise discard what is unread.
  // A streamed body the worker did not read to the end: close after the response (no draining).
  const close =
    state.draining || slowClient || (expectContinue && !bodyDone) || (streamed && !bodyDone);
  writeResponse(res, response, close);
  if (!bodyDone && !close) discardUnreadBody(req, res);
}

/** Aborted when the response closes before it was completely written (the client went away). */
function clientGoneSignal(res: ServerResponse): AbortSignal {
  const clientGone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) clientGone.abort();
  });
  return clientGone.signal;
}

/** How much of a body nobody read is discarded after the response before the connection closes. */
const LINGER_BYTES = 1024 * 1024;
const LINGER_MS = 5000;

/**
 * After an early answer (404, 401, 413) the client may still be sending its body. Closing at once
 * would reset the connection and could destroy the answer before the client reads it, so the
 * rest is read and thrown away (never buffered) up to 1 MiB or 5 s, then the connection closes.
 */
function discardUnreadBody(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => {
    if (req.complete) return;
    let discarded = 0;
    const close = (): void => {
      clearTimeout(timer);
      req.socket.destroy();
    };
    const timer = setTimeout(close, LINGER_MS).unref();
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > LINGER_BYTES) close();
    });
    req.once('end', () => clearTimeout(timer));
    req.resume();
  });
}

const UNSAFE_TARGET = /[\s\\#]/;

function write(res: ServerResponse, status: number, close: boolean): void {
  writeResponse(res, { status, headers: [], body: undefined }, close);
}

function writeResponse(res: ServerResponse, response: HostResponse, close: boolean): void {
  const headers: string[] = [];
  let hasLength = false;
  for (const [name, value] of response.headers) {
    headers.push(name, value);
    if (name.length === 14 && name.toLowerCase() === 'content-length') hasLength = true;
  }
  const { body, stream } = response;
  if (stream) {
    // HTTP streams mode: pass the worker's body on as it comes, reading only what the client takes.
    if (close) headers.push('connection', 'close');
    res.writeHead(response.status, headers);
    pipeline(stream, res, () => undefined);
    return;
  }
  if (!body) headers.push('content-length', '0');
  else if (!hasLength) headers.push('content-length', String(body.length));
  if (close) headers.push('connection', 'close');
  res.writeHead(response.status, headers);
  res.end(body);
}
