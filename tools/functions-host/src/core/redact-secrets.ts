// The rules of libs/logging's redactString and secret-keys (same patterns, same censor), kept as a
// copy because the host runs from source without workspace build steps; change them together.

export const REDACTED = '[Redacted]';

const QUERY_PARAMETER = /([?&])([^=&#\s"'<>]+)=([^&#\s"'<>]*)/g;
const CONNECTION_STRING_SECRET =
  /\b(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)=[^;\s"']+/gi;
const AUTH_SCHEME = /\b(Bearer|Basic|SharedAccessSignature)\s+[\w\-.~+/%=&]{8,}/gi;
const MAY_HOLD_AUTH_SCHEME = /Bearer|Basic|SharedAccessSignature/i;
// 'Basic ' plus the 8-character minimum credential
const SHORTEST_AUTH_TEXT = 14;

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

const CACHE_LIMIT = 2048;
const decisions = new Map<string, boolean>();

/** True for query parameter names such as `code`, `subscription-key`, `sig`, `access_token`. */
export function isSecretQueryKey(key: string): boolean {
  let decision = decisions.get(key);
  if (decision === undefined) {
    let name = key;
    try {
      name = decodeURIComponent(key);
    } catch {
      // a malformed escape is still compared as written
    }
    const normalised = name.toLowerCase().replace(/[^a-z0-9]/g, '');
    decision =
      SECRET_QUERY_KEYS.has(normalised) ||
      SECRET_KEYS.has(normalised) ||
      SECRET_KEY_PARTS.some((part) => normalised.includes(part));
    // bounded: hostile requests can bring any number of distinct parameter names
    if (decisions.size >= CACHE_LIMIT) decisions.clear();
    decisions.set(key, decision);
  }
  return decision;
}

/** Masks secrets inside free text: URL query parameters, auth schemes, connection strings. */
export function redactSecrets(text: string): string {
  let result = text;
  if (result.includes('=')) {
    if (result.includes('?') || result.includes('&')) {
      result = result.replace(QUERY_PARAMETER, (match, separator: string, name: string) =>
        isSecretQueryKey(name) ? `${separator}${name}=${REDACTED}` : match,
      );
    }
    result = result.replace(
      CONNECTION_STRING_SECRET,
      (_match, name: string) => `${name}=${REDACTED}`,
    );
  }
  if (result.length >= SHORTEST_AUTH_TEXT && MAY_HOLD_AUTH_SCHEME.test(result)) {
    result = result.replace(AUTH_SCHEME, (_match, scheme: string) => `${scheme} ${REDACTED}`);
  }
  return result;
}
