import type { HttpRequest } from '@azure/functions';

import { httpError } from '../errors/http-problem.js';
import { readBodyBytes } from './read-body-bytes.js';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

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

/** Reads a JSON body: `undefined` when empty, 413 over `limit`, 415 not JSON, 400 malformed. */
export async function readJsonBody(request: HttpRequest, limit: number): Promise<unknown> {
  const contentType = request.headers.get('content-type');
  if (contentType) checkContentType(contentType);
  return parseJsonBytes(await readBodyBytes(request, limit), contentType);
}

/** Parses bytes already read (see `readBodyBytes`) as a JSON body, with the checks of `readJsonBody`. */
export function parseJsonBytes(bytes: Uint8Array, contentType: string | null): unknown {
  if (bytes.byteLength === 0) return undefined;
  checkContentType(contentType ?? '');
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
