import type { IncomingMessage } from 'node:http';

import { RequestRejection } from '../http/request-rejection.js';

/** Kestrel's MinRequestBodyDataRate: a body slower than this (after the grace period) gets 408. */
export interface MinDataRate {
  bytesPerSecond: number;
  gracePeriodMs: number;
}

/** Kestrel's default: 240 bytes/s after a 5 s grace period. */
export const KESTREL_MIN_REQUEST_BODY_DATA_RATE: MinDataRate = {
  bytesPerSecond: 240,
  gracePeriodMs: 5000,
};

export interface BodyReadOptions {
  /** Declared Content-Length, if any. */
  length: number | undefined;
  /** Transfer-Encoding: chunked without Content-Length: Azure drops such bodies. */
  chunked: boolean;
  limit: number;
  minDataRate: MinDataRate | undefined;
  onChunkedDropped: () => void;
}

/**
 * Reads the body of a request that will be invoked, never more than `limit` bytes: 413 as soon as
 * it is known to be too large, 408 when it arrives slower than the minimum data rate, 400 when
 * the client goes away. A chunked body is read and discarded (the function gets none, as on Azure).
 */
export function readRequestBody(
  req: IncomingMessage,
  options: BodyReadOptions,
): Promise<Uint8Array | undefined> {
  const { length, chunked, limit, minDataRate } = options;
  if (length !== undefined && length > limit) {
    return Promise.reject(new RequestRejection(413, `Request body larger than ${limit} bytes.`));
  }
  if (!chunked && !length) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const started = Date.now();
    const rateTimer = minDataRate
      ? setInterval(
          () => {
            const elapsed = Date.now() - started;
            if (
              elapsed > minDataRate.gracePeriodMs &&
              total < (minDataRate.bytesPerSecond * elapsed) / 1000
            ) {
              fail(new RequestRejection(408, 'Request body arrived below the minimum data rate.'));
            }
          },
          Math.min(1000, minDataRate.gracePeriodMs),
        ).unref()
      : undefined;
    const cleanup = (): void => {
      clearInterval(rateTimer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
    };
    const fail = (error: RequestRejection): void => {
      cleanup();
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer): void => {
      total += chunk.length;
      if (total > limit)
        fail(new RequestRejection(413, `Request body larger than ${limit} bytes.`));
      else if (!chunked) chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      if (chunked) {
        if (total > 0) options.onChunkedDropped();
        resolve(undefined);
      } else {
        resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total));
      }
    };
    const onClose = (): void => {
      if (!req.complete) fail(new RequestRejection(400, 'The client closed the request.'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
  });
}
