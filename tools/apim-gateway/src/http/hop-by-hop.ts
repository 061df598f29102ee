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
  const copy = headers.clone();
  const connection = headers.get('connection');
  for (const name of HOP_BY_HOP) copy.delete(name);
  // names the Connection header lists are hop-by-hop too
  if (connection)
    for (const name of connection.split(',')) if (name.trim()) copy.delete(name.trim());
  return copy;
}
