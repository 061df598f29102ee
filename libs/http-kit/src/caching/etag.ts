import { hash } from 'node:crypto';

/** Strong ETag of a serialized body: a quoted base64url SHA-256. */
export function computeEtag(body: string | Uint8Array): string {
  // One-shot crypto.hash: no Hash object per response.
  return `"${hash('sha256', body, 'base64url')}"`;
}

/** RFC 9110 `If-None-Match` check (weak comparison: `W/` is ignored, `*` matches anything). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const wanted = etag.replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === wanted);
}
