import type { HttpRequest } from '@azure/functions';

import { httpError } from '../errors/http-problem.js';

/** What {@link forEachBodyChunk} counted. */
export interface BodyChunksRead {
  /** Bytes read. */
  readonly size: number;
  /** Chunks handed to `onChunk`. */
  readonly chunks: number;
}

function tooLarge(limit: number): Error {
  return httpError('contentTooLarge', `The request body must not exceed ${limit} bytes.`);
}

/**
 * Hands the body to `onChunk` piece by piece as it arrives, never holding more than one chunk:
 * 413 from `Content-Length` before reading, and as soon as the bytes read pass `limitBytes`
 * (a chunked body has no length to check first), with the rest of the upload left unread.
 */
export async function forEachBodyChunk(
  request: HttpRequest,
  limitBytes: number,
  onChunk: (chunk: Uint8Array) => void | Promise<void>,
): Promise<BodyChunksRead> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  const body = request.body as ReadableStream<Uint8Array> | null;
  if (Number.isFinite(declared) && declared > limitBytes) {
    await body?.cancel().catch(() => undefined);
    throw tooLarge(limitBytes);
  }
  if (!body) return { size: 0, chunks: 0 };
  const reader = body.getReader();
  let size = 0;
  let chunks = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { size, chunks };
      size += value.byteLength;
      if (size > limitBytes) throw tooLarge(limitBytes);
      chunks += 1;
      await onChunk(value);
    }
  } catch (error) {
    // Stop the upload where it is; the answer (413 or the caller's problem) needs no more bytes.
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}
