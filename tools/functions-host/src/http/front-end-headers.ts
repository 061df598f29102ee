import { randomUUID } from 'node:crypto';

import type { HostRequest } from './host-request.js';

/** Set by the front end: a client cannot send its own (x-forwarded-for is appended to instead). */
const FRONT_END_OWNED = new Set([
  'x-forwarded-proto',
  'x-original-url',
  'x-arr-log-id',
  'disguised-host',
  'was-default-hostname',
]);

/**
 * The request headers as the function sees them behind Azure's front end (App Service ARR),
 * which adds `x-forwarded-for` (client `ip:port`, appended to what the client sent),
 * `x-forwarded-proto`, `x-original-url`, `x-arr-log-id`, `disguised-host` and
 * `was-default-hostname` — so code that reads the client IP behaves locally as deployed.
 */
export function withFrontEndHeaders(request: HostRequest): [string, string][] {
  const lines: [string, string][] = [];
  let forwardedFor: string | undefined;
  let host = '';
  for (const line of request.headers) {
    const lower = line[0].toLowerCase();
    if (lower === 'x-forwarded-for') {
      forwardedFor = forwardedFor === undefined ? line[1] : `${forwardedFor},${line[1]}`;
    } else if (!FRONT_END_OWNED.has(lower)) {
      if (lower === 'host' && host === '') host = line[1];
      lines.push(line);
    }
  }
  const client = formatClient(request.remoteAddress, request.remotePort);
  lines.push(
    ['x-forwarded-for', forwardedFor ? `${forwardedFor}, ${client}` : client],
    ['x-forwarded-proto', request.url.startsWith('https:') ? 'https' : 'http'],
    ['x-original-url', request.query === '' ? request.path : `${request.path}?${request.query}`],
    ['x-arr-log-id', randomUUID()],
    ['disguised-host', host],
    ['was-default-hostname', host],
  );
  return lines;
}

/** `203.0.113.7:51234` or `[2001:db8::1]:51234`, as App Service writes the client address. */
function formatClient(address = '127.0.0.1', port = 0): string {
  const ipv4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return ipv4.includes(':') ? `[${ipv4}]:${port}` : `${ipv4}:${port}`;
}
