import { stdSerializers } from 'pino';

/** What a redacted value is replaced with. */
export const REDACTED = '[Redacted]';

/** Keys whose value is always replaced, compared without case, `-` or `_`. */
const SECRET_KEYS = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'xfunctionskey',
  'ocpapimsubscriptionkey',
  'xapikey',
  'apikey',
  'pwd',
]);

/** A key containing one of these (after normalising) is a secret: `clientSecret`, `access_token`. */
const SECRET_KEY_PARTS = [
  'password',
  'passwd',
  'secret',
  'token',
  'apikey',
  'privatekey',
  'accountkey',
  'sharedaccesskey',
  'connectionstring',
  'credential',
];

/** Secret only as a query parameter: `?code=` is the Functions key, `subscription-key` APIM's. */
const SECRET_QUERY_KEYS = new Set(['code', 'subscriptionkey', 'sig']);

/** Object keys that hold a parsed query string. */
const QUERY_CONTAINER_KEYS = new Set(['query', 'querystring', 'searchparams', 'queryparams']);

const QUERY_PARAMETER = /([?&])([^=&#\s"'<>]+)=([^&#\s"'<>]*)/g;
const AUTH_SCHEME = /\b(Bearer|Basic|SharedAccessSignature)\s+[\w\-.~+/%=&]{8,}/gi;
const CONNECTION_STRING_SECRET =
  /\b(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)=[^;\s"']+/gi;

/** Limits for {@link redact}; deeper or circular parts are replaced, never leaked. */
export type RedactOptions = {
  /** Nesting depth kept before a value becomes `[Truncated]` (default 8). */
  maxDepth?: number;
};

function normalise(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** True for keys such as `authorization`, `Set-Cookie`, `password`, `clientSecret`, `access_token`. */
export function isSecretKey(key: string): boolean {
  const normalised = normalise(key);
  return SECRET_KEYS.has(normalised) || SECRET_KEY_PARTS.some((part) => normalised.includes(part));
}

function isSecretQueryKey(key: string): boolean {
  let name = key;
  try {
    name = decodeURIComponent(key);
  } catch {
    // a malformed escape is still compared as written
  }
  return SECRET_QUERY_KEYS.has(normalise(name)) || isSecretKey(name);
}

/** Masks secrets inside free text: URL query parameters, auth schemes, connection strings. */
export function redactString(text: string): string {
  let result = text;
  if (result.includes('=')) {
    result = result.replace(QUERY_PARAMETER, (match, separator: string, name: string) =>
      isSecretQueryKey(name) ? `${separator}${name}=${REDACTED}` : match,
    );
    result = result.replace(
      CONNECTION_STRING_SECRET,
      (_match, name: string) => `${name}=${REDACTED}`,
    );
  }
  return result.replace(AUTH_SCHEME, (_match, scheme: string) => `${scheme} ${REDACTED}`);
}

function redactQueryString(text: string): string {
  return redactString(`?${text.replace(/^\?/, '')}`).slice(text.startsWith('?') ? 0 : 1);
}

type Walk = { maxDepth: number; seen: WeakSet<object> };

function entriesOf(value: object): [string, unknown][] | undefined {
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [String(k), v]);
  if (value instanceof URLSearchParams || value instanceof Headers) return [...value.entries()];
  return undefined;
}

function walk(value: unknown, depth: number, inQuery: boolean, state: Walk): unknown {
  if (typeof value === 'string') return inQuery ? redactQueryString(value) : redactString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return value;
  if (value instanceof URL) return redactString(value.href);
  if (ArrayBuffer.isView(value)) return `[${value.constructor.name} ${value.byteLength} bytes]`;
  if (depth >= state.maxDepth) return '[Truncated]';
  if (state.seen.has(value)) return '[Circular]';
  state.seen.add(value);
  try {
    if (value instanceof Error) return walk(stdSerializers.err(value), depth, inQuery, state);
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, inQuery, state));
    const entries = entriesOf(value);
    const queryLike = inQuery || value instanceof URLSearchParams;
    if (!entries && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      return walk((value as { toJSON: () => unknown }).toJSON(), depth, inQuery, state);
    }
    const result: Record<string, unknown> = {};
    for (const [key, item] of entries ?? Object.entries(value)) {
      if (item === undefined) continue;
      if (isSecretKey(key) || (queryLike && isSecretQueryKey(key))) {
        result[key] = REDACTED;
      } else {
        result[key] = walk(item, depth + 1, QUERY_CONTAINER_KEYS.has(normalise(key)), state);
      }
    }
    return result;
  } finally {
    state.seen.delete(value);
  }
}

/**
 * Returns a copy of `value` with secrets replaced by {@link REDACTED}: secret-named keys at any
 * depth (headers in any casing, `password`, `clientSecret`, `access_token`), the `code` and
 * `subscription-key` query parameters in URLs and query objects, and bearer tokens in text.
 */
export function redact(value: unknown, options: RedactOptions = {}): unknown {
  return walk(value, 0, false, { maxDepth: options.maxDepth ?? 8, seen: new WeakSet() });
}
