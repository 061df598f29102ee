import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';

import { backendRequestHeaders } from './backend-request-headers.js';
import type { ClientAbort } from './client-abort.js';
import { setDeadline } from './deadlines.js';
import { HeaderBag } from './header-bag.js';
import { removeHopByHop } from './hop-by-hop.js';

/** A request body still arriving from the client (buffer-request-body="false"). */
export interface StreamedBody {
  stream: Readable;
  /** The client's Content-Length, forwarded as is; undefined sends the body chunked. */
  length: number | undefined;
  /** Past this many bytes the backend call is cut and the caller answers 413. */
  maxBytes: number;
}

export interface BackendRequest {
  url: URL;
  method: string;
  headers: HeaderBag;
  body: Buffer | StreamedBody;
  /** APIM semantics: the response headers must arrive within this time. */
  timeoutMs: number;
  /** false (buffer-response="false"): resolve at the response headers, with the body as a stream. */
  bufferResponse: boolean;
  /** Aborts the backend call (the client went away). */
  clientAbort?: ClientAbort;
}

export interface BackendResult {
  status: number;
  reason: string;
  headers: HeaderBag;
  body: Buffer;
  /** The backend body still arriving (bufferResponse false); `body` is then empty. */
  stream?: Readable;
}

export type BackendErrorKind = 'timeout' | 'connection' | 'client-aborted' | 'request-too-large';

export class BackendError extends Error {
  override readonly name = 'BackendError';
  readonly kind: BackendErrorKind;

  constructor(kind: BackendErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

const NO_BODY = Buffer.alloc(0);
const BODYLESS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

export function sendToBackend(input: BackendRequest): Promise<BackendResult> {
  return new Promise((resolve, reject) => {
    const { url, clientAbort } = input;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    // a streamed body known to be empty (no Content-Length, no Transfer-Encoding: a plain GET) is
    // sent like an empty buffer: a plain end(), none of the pipe and listener plumbing
    const streamed =
      Buffer.isBuffer(input.body) || input.body.length === 0 ? undefined : input.body;
    const buffered = Buffer.isBuffer(input.body) ? input.body : streamed ? undefined : NO_BODY;
    const bodyless = BODYLESS.has(input.method);
    let framing: [string, string] | undefined;
    if (buffered && (buffered.length > 0 || !bodyless)) {
      framing = ['Content-Length', String(buffered.length)];
    } else if (streamed?.length !== undefined && (streamed.length > 0 || !bodyless)) {
      framing = ['Content-Length', String(streamed.length)];
    } else if (streamed && streamed.length === undefined) {
      // explicit: Node would not frame a body on GET, DELETE, OPTIONS by itself
      framing = ['Transfer-Encoding', 'chunked'];
    }
    const headers = backendRequestHeaders(url, input.headers, framing);
    const req = send(url, { method: input.method, headers });
    let settled = false;
    const fail = (error: BackendError): void => {
      if (settled) return;
      settled = true;
      deadline.cancel();
      clientAbort?.offAbort(onAbort);
      reject(error);
    };
    const deadline = setDeadline(input.timeoutMs, () => {
      req.destroy(
        new BackendError('timeout', `backend did not answer within ${input.timeoutMs} ms`),
      );
    });
    const onAbort = (): void => {
      req.destroy(new BackendError('client-aborted', 'the client closed the connection'));
    };
    if (clientAbort?.aborted) onAbort();
    else clientAbort?.onAbort(onAbort);
    req.on('response', (res: IncomingMessage) => {
      deadline.cancel();
      const head = {
        status: res.statusCode ?? 502,
        reason: res.statusMessage ?? '',
        // a bag of its own: hop-by-hop headers are dropped in place, no copy
        headers: removeHopByHop(HeaderBag.fromRaw(res.rawHeaders)),
      };
      if (!input.bufferResponse) {
        settled = true;
        // From here the caller owns the body: the abort signal ends it through the stream.
        clientAbort?.offAbort(onAbort);
        resolve({ ...head, body: Buffer.alloc(0), stream: res });
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => fail(asBackendError(error)));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clientAbort?.offAbort(onAbort);
        resolve({ ...head, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', (error) => fail(asBackendError(error)));
    if (streamed) {
      // pipe applies backpressure: the client is read only as fast as the backend takes it. It
      // leaves the client's stream open when the backend fails, so the client still gets the 500.
      const source = streamed.stream;
      const clientStopped = (): void => {
        if (!source.readableEnded) {
          req.destroy(new BackendError('client-aborted', 'the client stopped sending the body'));
        }
      };
      let received = 0;
      const count = (chunk: Buffer): void => {
        received += chunk.length;
        if (received <= streamed.maxBytes) return;
        source.unpipe(req);
        source.pause();
        req.destroy(new BackendError('request-too-large', 'the request body is over the limit'));
      };
      source.on('data', count);
      source.once('error', clientStopped);
      source.once('close', clientStopped);
      req.once('close', () => {
        source.unpipe(req);
        source.off('data', count);
        source.off('error', clientStopped);
        source.off('close', clientStopped);
      });
      source.pipe(req);
    } else {
      req.end(buffered && (buffered.length > 0 || !bodyless) ? buffered : undefined);
    }
  });
}

function asBackendError(error: Error): BackendError {
  return error instanceof BackendError ? error : new BackendError('connection', error.message);
}
