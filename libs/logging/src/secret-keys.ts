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

const CACHE_LIMIT = 2048;

// log lines repeat the same few keys, so each decision is computed once
function memoise(decide: (key: string) => boolean): (key: string) => boolean {
  const cache = new Map<string, boolean>();
  return (key) => {
    let decision = cache.get(key);
    if (decision === undefined) {
      decision = decide(key);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, decision);
    }
    return decision;
  };
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function decideSecretKey(key: string): boolean {
  const normalised = normalise(key);
  return SECRET_KEYS.has(normalised) || SECRET_KEY_PARTS.some((part) => normalised.includes(part));
}

/** True for keys such as `authorization`, `Set-Cookie`, `password`, `clientSecret`, `access_token`. */
export const isSecretKey: (key: string) => boolean = memoise(decideSecretKey);

/** True for query parameter names such as `code`, `subscription-key`, `sig`, `access_token`. */
export const isSecretQueryKey: (key: string) => boolean = memoise((key) => {
  let name = key;
  try {
    name = decodeURIComponent(key);
  } catch {
    // a malformed escape is still compared as written
  }
  return SECRET_QUERY_KEYS.has(normalise(name)) || decideSecretKey(name);
});

/** True for object keys that hold query parameters (`query`, `searchParams`, …). */
export const isQueryContainerKey: (key: string) => boolean = memoise((key) =>
  QUERY_CONTAINER_KEYS.has(normalise(key)),
);

/** True for keys whose primitive values need no key-based masking (neither secret nor a query). */
export const isPlainKey: (key: string) => boolean = memoise(
  (key) => !decideSecretKey(key) && !QUERY_CONTAINER_KEYS.has(normalise(key)),
);
