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
  const listed = (headers.get('connection') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of [...HOP_BY_HOP, ...listed]) copy.delete(name);
  return copy;
}
