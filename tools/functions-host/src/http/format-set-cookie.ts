import type { RpcHttpCookie } from '../core/core-types.js';

/** Serialises an RPC cookie the way ASP.NET Core's SetCookieHeaderValue does (path defaults to "/"). */
export function formatSetCookie(cookie: RpcHttpCookie): string {
  const parts = [`${cookie.name ?? ''}=${cookie.value ?? ''}`];
  const expires = cookie.expires?.value?.seconds;
  if (expires != null) parts.push(`expires=${new Date(Number(expires) * 1000).toUTCString()}`);
  const maxAge = cookie.maxAge?.value;
  if (maxAge != null) parts.push(`max-age=${Math.trunc(maxAge)}`);
  if (cookie.domain?.value) parts.push(`domain=${cookie.domain.value}`);
  parts.push(`path=${cookie.path?.value || '/'}`);
  if (cookie.secure?.value) parts.push('secure');
  const sameSite = { lax: 'lax', strict: 'strict', explicitNone: 'none', none: undefined }[
    cookie.sameSite ?? 'none'
  ];
  if (sameSite) parts.push(`samesite=${sameSite}`);
  if (cookie.httpOnly?.value) parts.push('httponly');
  return parts.join('; ');
}
