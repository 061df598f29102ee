import { Transform, type TransformCallback } from 'node:stream';

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
