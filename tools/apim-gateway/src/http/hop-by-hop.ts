import type { HeaderBag } from './header-bag.js';

const HOP_BY_HOP = [
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
];

/** Headers that describe one connection, not the message; the gateway recomputes framing itself. */
export function stripHopByHop(headers: HeaderBag): HeaderBag {
  return removeHopByHop(headers.clone());
}

/** stripHopByHop in place, for a bag the caller owns (one just built from a backend response). */
export function removeHopByHop(headers: HeaderBag): HeaderBag {
  const connection = headers.get('connection');
  for (const name of HOP_BY_HOP) headers.delete(name);
  // names the Connection header lists are hop-by-hop too
  if (connection) {
    for (const name of connection.split(',')) if (name.trim()) headers.delete(name.trim());
  }
  return headers;
}
