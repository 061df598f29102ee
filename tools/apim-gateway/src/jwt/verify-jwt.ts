import {
  compactVerify,
  decodeProtectedHeader,
  errors,
  importJWK,
  type JWK,
  type ProtectedHeaderParameters,
} from 'jose';

import { JwtValue } from '../expressions/runtime-types.js';
import type { OpenIdConfigCache, OpenIdKeys } from './openid-config-cache.js';
import type { VerifiedTokenCache } from './verified-token-cache.js';

export interface InlineKey {
  id: string | undefined;
  /** base64 symmetric secret, or RSA modulus/exponent (base64url). */
  material: { kind: 'symmetric'; secret: Uint8Array } | { kind: 'rsa'; n: string; e: string };
}

export interface ClaimRule {
  name: string;
  match: 'all' | 'any';
  separator: string | undefined;
  values: string[];
}

export interface JwtRules {
  requireExpirationTime: boolean;
  requireSignedTokens: boolean;
  clockSkewSeconds: number;
  audiences: string[];
  issuers: string[];
  requiredClaims: ClaimRule[];
  inlineKeys: InlineKey[];
  openIdConfigUrls: string[];
}

export type JwtFailureReason =
  | 'TokenSignatureInvalid'
  | 'TokenAudienceNotAllowed'
  | 'TokenIssuerNotAllowed'
  | 'TokenExpired'
  | 'TokenSignatureKeyNotFound'
  | 'TokenClaimNotFound'
  | 'TokenClaimValueNotAllowed'
  | 'JwtInvalid';

export type JwtCheck =
  | { ok: true; jwt: JwtValue }
  | { ok: false; reason: JwtFailureReason; message: string };

const fail = (reason: JwtFailureReason, message: string): JwtCheck => ({
  ok: false,
  reason,
  message,
});

export interface VerifyJwtOptions {
  /** Milliseconds since the epoch (default: now). */
  now?: number;
  /** Signatures this policy verified before; a hit skips only the signature check. */
  verifiedTokens?: VerifiedTokenCache;
}

type Claims = { payload: Record<string, unknown> };
/** The claims of a token, and the openid-config key sets its signature check consulted. */
type SignedClaims = Claims & { keySets: Map<string, OpenIdKeys> };
type Failure = JwtCheck & { ok: false };

/**
 * verifyJwt's answer without a promise, for a token this policy verified before when nothing has
 * to be fetched (the policy names its issuers); undefined means: call verifyJwt.
 */
export function verifyCachedJwt(
  token: string,
  rules: JwtRules,
  openIdConfigs: OpenIdConfigCache,
  options: VerifyJwtOptions,
): JwtCheck | undefined {
  const cache = options.verifiedTokens;
  if (!cache || rules.issuers.length === 0) return undefined;
  const cached = cache.get(
    token,
    rules,
    rules.openIdConfigUrls.map((url) => openIdConfigs.current(url)),
  );
  if (!cached) return undefined;
  const jwt = new JwtValue({ ...cached.header }, cached.payload as Record<string, unknown>);
  return checkClaims(jwt, rules, rules.issuers, options.now ?? Date.now());
}

/** validate-jwt's checks in APIM's order: signature, lifetime, audience, issuer, required claims. */
export async function verifyJwt(
  token: string,
  rules: JwtRules,
  openIdConfigs: OpenIdConfigCache,
  options: VerifyJwtOptions = {},
): Promise<JwtCheck> {
  const now = options.now ?? Date.now();
  const cache = options.verifiedTokens;
  const cached = cache?.get(
    token,
    rules,
    rules.openIdConfigUrls.map((url) => openIdConfigs.current(url)),
  );
  if (cached) {
    const jwt = new JwtValue({ ...cached.header }, cached.payload as Record<string, unknown>);
    return checkClaims(jwt, rules, await allowedIssuers(rules, openIdConfigs), now);
  }
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return fail('JwtInvalid', 'JWT is not well formed.');
  }
  const claims: SignedClaims | Failure =
    header.alg === 'none'
      ? await unsignedClaims(token, rules)
      : await signedClaims(token, header, rules, openIdConfigs);
  if ('reason' in claims) return claims;
  if (cache && header.alg !== 'none') {
    const consulted = claims.keySets;
    // the key sets this verification used; an openid-config it did not need counts as it is now
    const keySets = rules.openIdConfigUrls.map(
      (url) => consulted.get(url) ?? openIdConfigs.current(url),
    );
    cache.set(token, { rules, header: { ...header }, payload: claims.payload, keySets });
  }
  return checkClaims(
    new JwtValue({ ...header }, claims.payload),
    rules,
    await allowedIssuers(rules, openIdConfigs),
    now,
  );
}

async function unsignedClaims(token: string, rules: JwtRules): Promise<SignedClaims | Failure> {
  if (rules.requireSignedTokens)
    return { ok: false, reason: 'TokenSignatureInvalid', message: 'JWT is not signed.' };
  const decoded = decodePayload(token.split('.')[1] ?? '');
  return 'reason' in decoded ? decoded : { ...decoded, keySets: new Map() };
}

function decodePayload(segment: string): Claims | Failure {
  try {
    const payload = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
      throw new Error('not an object');
    return { payload: payload as Record<string, unknown> };
  } catch {
    return { ok: false, reason: 'JwtInvalid', message: 'JWT payload is not a JSON object.' };
  }
}

async function signedClaims(
  token: string,
  header: ProtectedHeaderParameters,
  rules: JwtRules,
  openIdConfigs: OpenIdConfigCache,
): Promise<SignedClaims | Failure> {
  const keySets = new Map<string, OpenIdKeys>();
  const inline = rules.inlineKeys.filter(
    (key) => key.id === undefined || header.kid === undefined || key.id === header.kid,
  );
  let sawCandidate = inline.length > 0;
  for (const key of inline) {
    const verified = await tryVerify(token, await importInline(key, header.alg));
    if (verified) return { ...verified, keySets };
  }
  for (const url of rules.openIdConfigUrls) {
    let keys: OpenIdKeys | undefined;
    try {
      keys = await openIdConfigs.get(url);
    } catch (error) {
      return {
        ok: false,
        reason: 'JwtInvalid',
        message: `Unable to load openid-config ${url}: ${(error as Error).message}`,
      };
    }
    let hasKid = header.kid === undefined || keys.keys.keys.some((k) => k.kid === header.kid);
    if (!hasKid) {
      keys = (await openIdConfigs.refreshForUnknownKey(url).catch(() => undefined)) ?? keys;
      hasKid = keys.keys.keys.some((k) => k.kid === header.kid);
    }
    keySets.set(url, keys);
    if (!hasKid) continue;
    sawCandidate = true;
    const verified = await tryVerify(token, keys.getKey);
    if (verified) return { ...verified, keySets };
  }
  return sawCandidate
    ? { ok: false, reason: 'TokenSignatureInvalid', message: 'JWT signature validation failed.' }
    : {
        ok: false,
        reason: 'TokenSignatureKeyNotFound',
        message: `Signature key for kid '${header.kid ?? ''}' was not found.`,
      };
}

type VerifyKey = Parameters<typeof compactVerify>[1];

async function tryVerify(token: string, key: VerifyKey | undefined): Promise<Claims | undefined> {
  if (!key) return undefined;
  try {
    const { payload } = await compactVerify(token, key as Uint8Array);
    const decoded = decodePayload(Buffer.from(payload).toString('base64url'));
    return 'payload' in decoded ? decoded : undefined;
  } catch (error) {
    if (error instanceof errors.JOSEError || error instanceof TypeError) return undefined;
    throw error;
  }
}

async function importInline(
  key: InlineKey,
  alg: string | undefined,
): Promise<VerifyKey | undefined> {
  if (key.material.kind === 'symmetric')
    return alg?.startsWith('HS') ? key.material.secret : undefined;
  if (!alg || !/^(RS|PS)\d{3}$/.test(alg)) return undefined;
  try {
    const jwk: JWK = { kty: 'RSA', n: key.material.n, e: key.material.e };
    return await importJWK(jwk, alg);
  } catch {
    return undefined;
  }
}

async function allowedIssuers(
  rules: JwtRules,
  openIdConfigs: OpenIdConfigCache,
): Promise<string[]> {
  if (rules.issuers.length > 0) return rules.issuers;
  const fromMetadata = await Promise.all(
    rules.openIdConfigUrls.map((url) =>
      openIdConfigs.get(url).then(
        (keys) => keys.issuer,
        () => undefined,
      ),
    ),
  );
  return fromMetadata.filter((issuer): issuer is string => issuer !== undefined);
}

function checkClaims(jwt: JwtValue, rules: JwtRules, issuers: string[], now: number): JwtCheck {
  const seconds = now / 1000;
  const exp = jwt.claims['exp'];
  if (exp === undefined) {
    if (rules.requireExpirationTime)
      return fail(
        'JwtInvalid',
        'Lifetime validation failed. The token is missing an Expiration Time.',
      );
  } else if (typeof exp !== 'number') {
    return fail('JwtInvalid', 'The exp claim is not a number.');
  } else if (exp + rules.clockSkewSeconds <= seconds) {
    return fail('TokenExpired', 'Lifetime validation failed. The token is expired.');
  }
  const nbf = jwt.claims['nbf'];
  if (typeof nbf === 'number' && nbf - rules.clockSkewSeconds > seconds) {
    return fail('JwtInvalid', 'Lifetime validation failed. The token is not yet valid.');
  }
  if (rules.audiences.length > 0) {
    const audiences = jwt.claimValues('aud') ?? [];
    if (!audiences.some((aud) => rules.audiences.includes(aud))) {
      return fail(
        'TokenAudienceNotAllowed',
        `Audience validation failed. Audiences: '${audiences.join(', ')}'.`,
      );
    }
  }
  if (issuers.length > 0) {
    const issuer = jwt.claimValues('iss')?.[0];
    if (issuer === undefined || !issuers.includes(issuer)) {
      return fail('TokenIssuerNotAllowed', `Issuer validation failed. Issuer: '${issuer ?? ''}'.`);
    }
  }
  for (const rule of rules.requiredClaims) {
    const present = jwt.claimValues(rule.name);
    if (present === undefined)
      return fail('TokenClaimNotFound', `JWT token is missing the following claims: ${rule.name}`);
    if (rule.values.length === 0) continue;
    const values = rule.separator
      ? present.flatMap((v) => v.split(rule.separator as string)).map((v) => v.trim())
      : present;
    const ok =
      rule.match === 'all'
        ? rule.values.every((v) => values.includes(v))
        : rule.values.some((v) => values.includes(v));
    if (!ok) {
      return fail(
        'TokenClaimValueNotAllowed',
        `Claim ${rule.name} value of ${values.join(',')} is not allowed. Access denied.`,
      );
    }
  }
  return { ok: true, jwt };
}
