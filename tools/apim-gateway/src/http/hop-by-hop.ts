import { HeaderBag } from './header-bag.js';

const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
]);

/** Headers that describe one connection, not the message; the gateway recomputes framing itself. */
export function stripHopByHop(headers: HeaderBag): HeaderBag {
  const connection = headers.get('connection');
  // the names Connection lists are hop-by-hop for this message too
  const listed = connection
    ? new Set(connection.split(',').map((name) => name.trim().toLowerCase()))
    : undefined;
  // one pass that copies only what stays (no clone, then a delete per hop-by-hop name)
  const copy = new HeaderBag();
  for (const [name, values] of headers) {
    const lower = name.toLowerCase();
    if (!HOP_BY_HOP.has(lower) && !listed?.has(lower)) copy.set(name, values);
  }
  return copy;
}
