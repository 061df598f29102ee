import {
  createRemoteJWKSet,
  customFetch,
  decodeJwt,
  errors,
  type JWTPayload,
  jwtVerify,
} from 'jose';

/** The signing keys or discovery document could not be fetched: a 503, never a 401. */
export class SigningKeysUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SigningKeysUnavailableError';
  }
}

/** The token is not acceptable (signature, algorithm, issuer, audience, lifetime, key id). */
export class InvalidTokenError extends Error {
  /** jose's error code, for the log line (never the token). */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'InvalidTokenError';
    this.code = code;
  }
}

/** How to verify access tokens of one OpenID Connect authority. */
export interface OidcVerifierOptions {
  /** e.g. `https://login.microsoftonline.com/{tenant}/v2.0`; discovery is `<authority>/.well-known/openid-configuration`. */
  readonly authority: string;
  /** Accepted `aud` values (the app's client id and/or its App ID URI). */
  readonly audience: string | readonly string[];
  /** Accepted signature algorithms; default RS256 only (what Entra ID signs with). */
  readonly algorithms?: readonly string[];
  /** Allowed clock skew for `exp`/`nbf`; default 60 s. */
  readonly clockToleranceSeconds?: number;
  /** Least time between two JWKS fetches an unknown `kid` may trigger; default 30 s. */
  readonly cooldownMs?: number;
  /** After a failed fetch, answer 503 without fetching again for this long; default 5 s. */
  readonly failureBackoffMs?: number;
  /** Replaces `fetch` (tests count requests with it). */
  readonly fetch?: typeof fetch;
}

/** Verifies a compact JWS access token; resolves to its verified claims. */
export type TokenVerifier = (token: string) => Promise<JWTPayload>;

const TENANT_PLACEHOLDER = '{tenantid}';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Discovery {
  readonly issuer: string;
  readonly jwks: ReturnType<typeof createRemoteJWKSet>;
}

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

function trustedUrl(text: unknown, what: string, fail: (message: string) => Error): URL {
  let url: URL;
  try {
    url = new URL(String(text));
  } catch {
    throw fail(`${what} is not a URL: ${String(text)}`);
  }
  // Keys over plain HTTP could be swapped in transit; only a loopback dev issuer may use it.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url)))
    throw fail(`${what} must use https (plain http only on loopback): ${url.href}`);
  return url;
}

/**
 * The issuer a token must carry. A multi-tenant authority (`common`, `organizations`) publishes
 * `https://login.microsoftonline.com/{tenantid}/v2.0`: the token's own `tid` fills it, so a token
 * is only accepted from the tenant that signed it (accepting any issuer is the classic hole).
 */
export function expectedIssuer(discoveryIssuer: string, claims: JWTPayload): string {
  if (!discoveryIssuer.includes(TENANT_PLACEHOLDER)) return discoveryIssuer;
  const tid = claims['tid'];
  if (typeof tid !== 'string' || !GUID.test(tid))
    throw new InvalidTokenError('ERR_JWT_CLAIM_VALIDATION_FAILED', 'tid is missing or not a GUID');
  return discoveryIssuer.replace(TENANT_PLACEHOLDER, tid.toLowerCase());
}

/**
 * One verifier per app, created at module level: discovery and the JWKS are fetched once and cached
 * (an unknown `kid` refreshes at most once per cooldown), so requests never rebuild the key client.
 */
export function createOidcVerifier(options: OidcVerifierOptions): TokenVerifier {
  // A misconfigured authority stops the app at start-up, not on the first request.
  const authority = trustedUrl(
    options.authority.replace(/\/+$/, ''),
    'OIDC authority',
    (m) => new Error(m),
  );
  const algorithms = [...(options.algorithms ?? ['RS256'])];
  const audience =
    typeof options.audience === 'string' ? [options.audience] : [...options.audience];
  if (audience.length === 0 || audience.some((aud) => aud.trim() === ''))
    throw new Error('createOidcVerifier: audience must name at least one non-empty value');
  const fetchImpl = options.fetch ?? fetch;
  const backoffMs = options.failureBackoffMs ?? 5_000;
  let failedAt = Number.NEGATIVE_INFINITY;

  // Every network read goes through here: failures become 503s, with a short backoff (no storm).
  const guardedFetch = async (url: string | URL, init?: RequestInit): Promise<Response> => {
    if (Date.now() - failedAt < backoffMs)
      throw new SigningKeysUnavailableError('a recent fetch failed; backing off');
    try {
      const response = await fetchImpl(url, { ...init, redirect: 'manual' });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      return response;
    } catch (error) {
      failedAt = Date.now();
      if (error instanceof SigningKeysUnavailableError) throw error;
      throw new SigningKeysUnavailableError(`fetch ${String(url)} failed`, { cause: error });
    }
  };

  let discovery: Promise<Discovery> | undefined;
  const discover = async (): Promise<Discovery> => {
    const url = `${authority.href.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const response = await guardedFetch(url, { signal: AbortSignal.timeout(5_000) });
    let document: Record<string, unknown>;
    try {
      document = (await response.json()) as Record<string, unknown>;
    } catch (error) {
      failedAt = Date.now();
      throw new SigningKeysUnavailableError('the discovery document is not JSON', { cause: error });
    }
    if (typeof document['issuer'] !== 'string' || document['issuer'] === '')
      throw new SigningKeysUnavailableError('the discovery document names no issuer');
    const jwks = createRemoteJWKSet(
      trustedUrl(document['jwks_uri'], 'jwks_uri', (m) => new SigningKeysUnavailableError(m)),
      {
        cooldownDuration: options.cooldownMs ?? 30_000,
        [customFetch]: guardedFetch,
      },
    );
    return { issuer: document['issuer'], jwks };
  };

  return async (token) => {
    discovery ??= discover().catch((error: unknown) => {
      discovery = undefined;
      throw error;
    });
    const { issuer, jwks } = await discovery;
    try {
      const unverified = decodeJwt(token);
      const { payload } = await jwtVerify(token, jwks, {
        algorithms,
        audience,
        issuer: expectedIssuer(issuer, unverified),
        clockTolerance: options.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iss', 'aud', 'sub'],
      });
      return payload;
    } catch (error) {
      if (error instanceof SigningKeysUnavailableError || error instanceof InvalidTokenError)
        throw error;
      if (error instanceof errors.JOSEError) throw new InvalidTokenError(error.code, error.message);
      throw error;
    }
  };
}
