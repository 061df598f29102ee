import type { HttpRequest } from '@azure/functions';

import { httpError } from '../errors/http-problem.js';

function tooLarge(limit: number): Error {
  return httpError('contentTooLarge', `The request body must not exceed ${limit} bytes.`);
}

/**
 * Reads the body exactly as it arrived: 413 from `Content-Length` before reading anything, and
 * again as soon as the bytes read pass `limit`, so an oversized body is never buffered whole.
 */
export async function readBodyBytes(request: HttpRequest, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Counting while reading also bounds bodies without Content-Length (stream mode).
  for await (const chunk of request.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
