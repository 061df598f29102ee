import type { HeaderBag } from './header-bag.js';

// Names node:http treats specially when it builds the head from a header object (Host added unless
// present, framing, latin1 Content-Disposition): a request with any of them keeps the object form.
const SPECIAL = ['host', 'content-length', 'transfer-encoding', 'content-disposition'];

/**
 * The backend request's headers for `http.request`. Usually a flat [name, value, …] list, which
 * node:http writes into the head as is, without a setHeader (name and value validation, a header
 * map) per header; Host goes last, as node:http adds it. Node writes the same head bytes from
 * either form (tested); requests where the forms could differ keep the header object.
 */
export function backendRequestHeaders(
  url: URL,
  headers: HeaderBag,
  framing: readonly [name: string, value: string] | undefined,
): Record<string, string[]> | string[] {
  if (!rawListIsSafe(url, headers)) {
    const record: Record<string, string[]> = {};
    for (const [name, values] of headers) record[name] = values;
    if (framing) record[framing[0]] = [framing[1]];
    return record;
  }
  const raw: string[] = [];
  for (const [name, values] of headers) {
    for (const value of values) raw.push(name, value);
  }
  if (framing) raw.push(framing[0], framing[1]);
  // node:http's Host for a URL: the host name (IPv6 in brackets) and a non-default port
  raw.push('Host', url.host);
  return raw;
}

function rawListIsSafe(url: URL, headers: HeaderBag): boolean {
  // credentials in the URL become an Authorization header, only in the object form
  if (url.username !== '' || url.password !== '') return false;
  for (const name of SPECIAL) if (headers.has(name)) return false;
  // several Cookie values are joined with "; " in the object form
  return (headers.values('cookie')?.length ?? 0) < 2;
}
