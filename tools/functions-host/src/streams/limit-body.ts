import { type Readable, Transform, type TransformCallback } from 'node:stream';

import { RequestRejection } from '../http/request-rejection.js';

/**
 * Passes a request body through unbuffered and fails it with a 413 RequestRejection as soon as
 * more than `limit` bytes have arrived (Kestrel's MaxRequestBodySize on a streamed body).
 */
export function limitBody(limit: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      total += chunk.length;
      if (total > limit) {
        callback(new RequestRejection(413, `Request body larger than ${limit} bytes.`));
      } else {
        callback(null, chunk);
      }
    },
  });
}

/** Kestrel's MinRequestBodyDataRate (same shape as the server's option). */
export interface BodyDataRate {
  bytesPerSecond: number;
  gracePeriodMs: number;
}

/**
 * Kestrel's MinRequestBodyDataRate on a streamed body: after the grace period the client must keep
 * up `bytesPerSecond`, counted only while the body is flowing. Time spent paused by backpressure
 * (the function not reading) does not count, as Kestrel pauses the rate timer while the app does
 * not read. A client too slow fails `target` with a 408 RequestRejection.
 */
export function enforceMinDataRate(source: Readable, target: Transform, rate: BodyDataRate): void {
  let bytes = 0;
  let flowingMs = 0;
  let last = Date.now();
  const onData = (chunk: Buffer): void => {
    bytes += chunk.length;
  };
  source.on('data', onData);
  const timer = setInterval(
    () => {
      const now = Date.now();
      if (!source.isPaused()) flowingMs += now - last;
      last = now;
      if (flowingMs > rate.gracePeriodMs && bytes < (rate.bytesPerSecond * flowingMs) / 1000) {
        stop();
        target.destroy(
          new RequestRejection(408, 'Request body arrived below the minimum data rate.'),
        );
      }
    },
    Math.min(1000, rate.gracePeriodMs),
  ).unref();
  const stop = (): void => {
    clearInterval(timer);
    source.off('data', onData);
  };
  source.once('end', stop);
  source.once('close', stop);
  target.once('close', stop);
}
