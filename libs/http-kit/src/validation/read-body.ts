import type { HttpRequest } from '@azure/functions';

import { httpError } from '../errors/http-problem.js';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

function tooLarge(limit: number): Error {
  return httpError('contentTooLarge', `The request body must not exceed ${limit} bytes.`);
}

function checkContentType(contentType: string): void {
  const [mediaType = '', ...parameters] = contentType
    .split(';')
    .map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice(8);
  if (
    !JSON_MEDIA_TYPE.test(mediaType) ||
    (charset !== undefined && charset.replaceAll('"', '') !== 'utf-8')
  ) {
    throw httpError('unsupportedMediaType', 'Send the request body as application/json (UTF-8).');
  }
}

async function readBytes(request: HttpRequest, limit: number): Promise<Uint8Array> {
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

/** Reads a JSON body: `undefined` when empty, 413 over `limit`, 415 not JSON, 400 malformed. */
export async function readJsonBody(request: HttpRequest, limit: number): Promise<unknown> {
  const contentType = request.headers.get('content-type');
  if (contentType) checkContentType(contentType);
  const bytes = await readBytes(request, limit);
  if (bytes.byteLength === 0) return undefined;
  if (!contentType) checkContentType('');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw httpError('malformedBody', 'The request body is not valid UTF-8.');
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw httpError('malformedBody', 'The request body is not valid JSON.');
  }
}
