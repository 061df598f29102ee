import { Agent, type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http';
import { PassThrough, pipeline, type Readable } from 'node:stream';

import { emptyResponse, type HostResponse } from '../http/host-request.js';
import { RequestRejection } from '../http/request-rejection.js';

/** The worker's proxy endpoint (capability `HttpUri`) and the connections to it. */
export interface StreamsTarget {
  url: URL;
  agent: Agent;
}

export function createStreamsTarget(httpUri: string): StreamsTarget {
  // No keep-alive: the worker's node:http server closes idle sockets after 5 s, which would race.
  return { url: new URL(httpUri), agent: new Agent({ keepAlive: false }) };
}

/** The request as the host forwards it (YARP's IHttpForwarder with the default transforms). */
export interface ForwardedRequest {
  method: string;
  /** Raw path and query, as received. */
  target: string;
  /** Header lines as the host sees them (client headers plus the front end's). */
  headers: [string, string][];
  /** The original Host and scheme, sent as x-forwarded-host / x-forwarded-proto. */
  host: string;
  scheme: string;
  clientAddress: string;
  invocationId: string;
  body: Readable | undefined;
  /** Aborted when the client goes away. */
  clientGone?: AbortSignal | undefined;
  /** Azure's front-end idle limit (230 s) once the response has started; undefined = none. */
  idleTimeoutMs?: number | undefined;
}

/** A forward to the worker's proxy, as the host's DefaultHttpProxyService runs one per invocation. */
export interface Forwarding {
  /**
   * The worker's response head with its body as a stream (never buffered). Resolves with an
   * empty 413/400 when the client's body fails first, and 502 when the worker cannot be reached.
   */
  response: Promise<HostResponse>;
  /** Resolves when the response body has been delivered; rejects like a YARP ForwarderError. */
  done: Promise<void>;
  /** Cuts the forward (worker restart, front-end timeout): both directions are destroyed. */
  abort(reason: string): void;
}

// YARP does not forward hop-by-hop headers, Host (replaced by the destination) or Expect.
const DROPPED_REQUEST_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'expect',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-ms-invocation-id',
]);
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** An error like YARP's ForwarderError, which fails the invocation after the worker answered. */
export class ForwarderError extends Error {
  constructor(
    readonly kind:
      | 'Request'
      | 'RequestCanceled'
      | 'RequestBodyClient'
      | 'ResponseBodyClient'
      | 'ResponseBodyDestination'
      | 'RequestTimedOut',
    message: string,
  ) {
    super(`Failed to proxy request with ForwarderError: ${kind}. ${message}`);
  }
}

/**
 * Forwards the client's request to the worker's HTTP proxy (the library's server at `HttpUri`),
 * tagged with `x-ms-invocation-id`, streaming the body both ways with backpressure: the host never
 * reads more from one side than the other side accepts.
 */
export function forwardToWorker(target: StreamsTarget, forwarded: ForwardedRequest): Forwarding {
  const headers: [string, string][] = [];
  const connectionListed = new Set<string>();
  for (const [name, value] of forwarded.headers) {
    if (name.toLowerCase() === 'connection') {
      for (const listed of value.split(',')) connectionListed.add(listed.trim().toLowerCase());
    }
  }
  for (const [name, value] of forwarded.headers) {
    const lower = name.toLowerCase();
    if (DROPPED_REQUEST_HEADERS.has(lower) || connectionListed.has(lower)) continue;
    if (lower === 'x-forwarded-for') continue;
    headers.push([name, value]);
  }
  headers.unshift(['host', target.url.host]);
  headers.push(
    ['x-forwarded-for', forwarded.clientAddress],
    ['x-forwarded-proto', forwarded.scheme],
    ['x-forwarded-host', forwarded.host],
    ['x-ms-invocation-id', forwarded.invocationId],
  );
  if (forwarded.body && !headers.some(([name]) => name.toLowerCase() === 'content-length')) {
    headers.push(['transfer-encoding', 'chunked']);
  }

  let resolveResponse!: (response: HostResponse) => void;
  const response = new Promise<HostResponse>((resolve) => (resolveResponse = resolve));
  let resolveDone!: () => void;
  let rejectDone!: (error: ForwarderError) => void;
  const done = new Promise<void>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  // Nobody may be waiting for `done` yet (the function is still running): no unhandled rejection.
  done.catch(() => undefined);

  let finished = false;
  let upstream: IncomingMessage | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  const fail = (error: ForwarderError, status: number): void => {
    if (finished) return;
    finished = true;
    clearTimeout(idleTimer);
    forwarded.clientGone?.removeEventListener('abort', onClientGone);
    resolveResponse(emptyResponse(status));
    proxyRequest.destroy();
    upstream?.destroy();
    rejectDone(error);
  };
  const onClientGone = (): void =>
    fail(new ForwarderError('RequestCanceled', 'The client closed the connection.'), 400);

  const proxyRequest: ClientRequest = httpRequest(new URL(forwarded.target, target.url), {
    method: forwarded.method,
    headers: headers.flat(),
    agent: target.agent,
  } as Parameters<typeof httpRequest>[1]);
  proxyRequest.on('error', (error) =>
    fail(new ForwarderError('Request', `The worker's HTTP proxy failed: ${error.message}`), 502),
  );
  proxyRequest.on('response', (res) => {
    if (finished) {
      res.destroy();
      return;
    }
    upstream = res;
    const responseHeaders: [string, string][] = [];
    const raw = res.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i] as string;
      if (!DROPPED_RESPONSE_HEADERS.has(name.toLowerCase())) {
        responseHeaders.push([name, raw[i + 1] as string]);
      }
    }
    const idleMs = forwarded.idleTimeoutMs;
    const touch = (): void => {
      if (idleMs === undefined) return;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(
        () =>
          fail(
            new ForwarderError(
              'RequestTimedOut',
              `No data for ${idleMs / 1000} s: Azure's front end closes an idle connection.`,
            ),
            502,
          ),
        idleMs,
      ).unref();
    };
    touch();
    // The client's side of the body: the front-end idle clock restarts on every chunk passed on.
    const body = new PassThrough({
      transform(chunk: Buffer, _encoding, callback) {
        touch();
        callback(null, chunk);
      },
    });
    pipeline(res, body, (error) => {
      if (finished) return;
      if (error) {
        fail(
          new ForwarderError(
            'ResponseBodyClient',
            'The response body was not delivered: the client went away or the worker aborted it.',
          ),
          502,
        );
        return;
      }
    });
    body.once('end', () => {
      if (finished) return;
      finished = true;
      clearTimeout(idleTimer);
      forwarded.clientGone?.removeEventListener('abort', onClientGone);
      resolveDone();
    });
    body.once('close', () => {
      if (!body.readableEnded)
        fail(
          new ForwarderError(
            'ResponseBodyClient',
            'The response body was not delivered: the client went away or the worker aborted it.',
          ),
          502,
        );
    });
    resolveResponse({
      status: res.statusCode ?? 502,
      headers: responseHeaders,
      body: undefined,
      stream: body,
    });
  });

  forwarded.clientGone?.addEventListener('abort', onClientGone, { once: true });
  if (forwarded.clientGone?.aborted) onClientGone();
  if (forwarded.body) {
    pipeline(forwarded.body, proxyRequest, (error) => {
      if (!error || finished) return;
      const status = error instanceof RequestRejection ? error.status : 400;
      fail(new ForwarderError('RequestBodyClient', error.message), status);
    });
  } else {
    proxyRequest.end();
  }
  return {
    response,
    done,
    abort: (reason) => fail(new ForwarderError('RequestCanceled', reason), 502),
  };
}
