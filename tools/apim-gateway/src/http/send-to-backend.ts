import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

import { HeaderBag } from './header-bag.js';
import { stripHopByHop } from './hop-by-hop.js';

export interface BackendRequest {
  url: string;
  method: string;
  headers: HeaderBag;
  body: Buffer;
  /** APIM semantics: the response headers must arrive within this time. */
  timeoutMs: number;
}

export interface BackendResult {
  status: number;
  reason: string;
  headers: HeaderBag;
  body: Buffer;
}

export class BackendError extends Error {
  override readonly name = 'BackendError';
  readonly kind: 'timeout' | 'connection';

  constructor(kind: 'timeout' | 'connection', message: string) {
    super(message);
    this.kind = kind;
  }
}

export function sendToBackend(input: BackendRequest): Promise<BackendResult> {
  return new Promise((resolve, reject) => {
    const url = new URL(input.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers: Record<string, string[]> = {};
    for (const [name, values] of input.headers) headers[name] = values;
    const hasBody =
      input.body.length > 0 || !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(input.method);
    if (hasBody) headers['Content-Length'] = [String(input.body.length)];
    const req = send(url, { method: input.method, headers });
    const timer = setTimeout(() => {
      req.destroy(
        new BackendError('timeout', `backend did not answer within ${input.timeoutMs} ms`),
      );
    }, input.timeoutMs);
    req.on('response', (res: IncomingMessage) => {
      clearTimeout(timer);
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => reject(new BackendError('connection', error.message)));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 502,
          reason: res.statusMessage ?? '',
          headers: stripHopByHop(HeaderBag.fromRaw(res.rawHeaders)),
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error instanceof BackendError ? error : new BackendError('connection', error.message));
    });
    req.end(hasBody ? input.body : undefined);
  });
}
