import type { GatewayLog } from '../policies/gateway-services.js';

/** One line per request: what ran, how it ended, how long it took (no header values, secrets masked). */
export interface AccessLogEntry {
  method: string;
  /** Path and query as received, secret query values masked. */
  path: string;
  status: number;
  durationMs: number;
  /** What answered: backend, subscription-key, validate-jwt, rate-limit-by-key, cache-lookup (HIT), … */
  endedBy: string;
  requestId: string;
}

export const REDACTED = '[Redacted]';

// Same rules as libs/logging: Functions and APIM keys, SAS signatures, anything token- or secret-like.
const SECRET_QUERY_NAMES = new Set(['code', 'subscriptionkey', 'sig', 'apikey', 'xapikey', 'pwd']);
const SECRET_NAME_PARTS = ['password', 'passwd', 'secret', 'token', 'apikey', 'credential'];

function normalise(name: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    // a malformed escape is compared as written
  }
  return decoded.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Masks the values of secret query parameters (`subscription-key`, `code`, `sig`, `access_token`, …). */
export function redactRequestTarget(
  target: string,
  extraSecretNames: readonly string[] = [],
): string {
  const question = target.indexOf('?');
  if (question < 0) return target;
  const extra = new Set(extraSecretNames.map(normalise));
  const query = target
    .slice(question + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const name = normalise(pair.slice(0, equals));
      const secret =
        extra.has(name) ||
        SECRET_QUERY_NAMES.has(name) ||
        SECRET_NAME_PARTS.some((part) => name.includes(part));
      return secret ? `${pair.slice(0, equals)}=${REDACTED}` : pair;
    })
    .join('&');
  return `${target.slice(0, question)}?${query}`;
}

export function writeAccessLog(log: GatewayLog, entry: AccessLogEntry): void {
  log.info('request', { ...entry });
}
