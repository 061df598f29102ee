import type { HttpRequest } from '@azure/functions';

/** The bearer token of a request, or why there is none. */
export type BearerTokenResult =
  | { readonly ok: true; readonly token: string }
  | { readonly ok: false; readonly error: 'missing' | 'wrong scheme' | 'malformed' };

// RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Reads `Authorization: Bearer <token>` only: the scheme is case-insensitive (RFC 7235 §2.1), a
 * token in the query string or body is never looked at (RFC 6750 §2.3 is a MAY we decline: URLs get logged).
 */
export function readBearerToken(request: HttpRequest): BearerTokenResult {
  const header = request.headers.get('authorization')?.trim() ?? '';
  if (header === '') return { ok: false, error: 'missing' };
  const space = header.indexOf(' ');
  const scheme = space === -1 ? header : header.slice(0, space);
  if (scheme.toLowerCase() !== 'bearer') return { ok: false, error: 'wrong scheme' };
  const token = space === -1 ? '' : header.slice(space + 1).trim();
  if (!B64TOKEN.test(token)) return { ok: false, error: 'malformed' };
  return { ok: true, token };
}
