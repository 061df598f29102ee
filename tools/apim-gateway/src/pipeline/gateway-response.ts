import type { Readable } from 'node:stream';

import { HeaderBag } from '../http/header-bag.js';

export interface GatewayResponse {
  status: number;
  reason: string;
  headers: HeaderBag;
  body: Buffer;
  /**
   * forward-request buffer-response="false": the backend body, still arriving, written to the
   * client as it comes (`body` is then empty). A policy that replaces the body destroys it.
   */
  stream?: Readable;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? '';
}

/** APIM's built-in error envelope: `{"statusCode":N,"message":"..."}` as application/json. */
export function errorResponse(
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): GatewayResponse {
  const body = Buffer.from(JSON.stringify({ statusCode: status, message, ...extra }));
  return {
    status,
    reason: reasonPhrase(status),
    headers: HeaderBag.from({ 'Content-Type': 'application/json', ...headers }),
    body,
  };
}

export function internalServerError(activityId: string): GatewayResponse {
  return errorResponse(500, 'Internal server error', { activityId });
}

export function emptyResponse(status = 200): GatewayResponse {
  return { status, reason: reasonPhrase(status), headers: new HeaderBag(), body: Buffer.alloc(0) };
}

/** Drops a still-streaming backend body (its connection closes) when a policy replaces the body. */
export function discardStream(response: GatewayResponse): void {
  response.stream?.destroy();
  delete response.stream;
}

/**
 * Reads a streaming backend body to its end, for the policies that need the whole body
 * (cache-store). Past `maxBytes` it stops and returns false: what was read goes back in front of
 * the stream, which then flows on to the client, so an endless stream never fills the memory.
 */
export function bufferStream(response: GatewayResponse, maxBytes: number): Promise<boolean> {
  const stream = response.stream;
  if (!stream) return Promise.resolve(true);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      size += chunk.length;
      if (size <= maxBytes) return;
      stream.pause();
      stop();
      stream.unshift(Buffer.concat(chunks, size));
      resolve(false);
    };
    const onEnd = (): void => {
      stop();
      response.body = Buffer.concat(chunks, size);
      delete response.stream;
      resolve(true);
    };
    const onError = (error: Error): void => {
      stop();
      reject(error);
    };
    const onClose = (): void => onError(new Error('the backend closed the response early'));
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.once('close', onClose);
  });
}
