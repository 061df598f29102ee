import * as jose from 'jose';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { OpenIdConfigCache } from './openid-config-cache.js';
import { VerifiedTokenCache } from './verified-token-cache.js';
import { type JwtRules, verifyJwt } from './verify-jwt.js';

// Counts signature checks; everything else in jose stays real.
vi.mock('jose', async (importOriginal) => {
  const actual = await importOriginal<typeof import('jose')>();
  return { ...actual, compactVerify: vi.fn(actual.compactVerify) };
});
const signatureChecks = vi.mocked(jose.compactVerify);

const CONFIG_URL = 'https://idp.test/.well-known/openid-configuration';
const T0 = 1_800_000_000; // seconds

interface Idp {
  keys: Map<string, jose.CryptoKey>;
  jwks: jose.JWK[];
  fetchJson: (url: string) => Promise<unknown>;
}

async function addKey(idp: Idp, kid: string): Promise<void> {
  const { privateKey, publicKey } = await jose.generateKeyPair('RS256');
  idp.keys.set(kid, privateKey);
  idp.jwks.push({ ...(await jose.exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' });
}

function token(
  idp: Idp,
  kid: string,
  claims: Record<string, unknown> = {},
  lifetime: { exp?: number; nbf?: number } = {},
): Promise<string> {
  const jwt = new jose.SignJWT({ sub: 'alice', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer('https://idp.test')
    .setAudience('api://catalog')
    .setIssuedAt(T0)
    .setExpirationTime(lifetime.exp ?? T0 + 7200);
  if (lifetime.nbf !== undefined) jwt.setNotBefore(lifetime.nbf);
  return jwt.sign(idp.keys.get(kid) as jose.CryptoKey);
}

const rules = (overrides: Partial<JwtRules> = {}): JwtRules => ({
  requireExpirationTime: true,
  requireSignedTokens: true,
  clockSkewSeconds: 0,
  audiences: ['api://catalog'],
  issuers: ['https://idp.test'],
  requiredClaims: [],
  inlineKeys: [],
  openIdConfigUrls: [CONFIG_URL],
  ...overrides,
});

describe('validate-jwt signature cache (an identical token is not re-verified; every other check still runs)', () => {
  let idp: Idp;
  let firstKey: jose.JWK;
  let nowMs: number;
  let configs: OpenIdConfigCache;
  let cache: VerifiedTokenCache;
  const at = (seconds: number): { now: number; verifiedTokens: VerifiedTokenCache } => {
    nowMs = seconds * 1000;
    return { now: nowMs, verifiedTokens: cache };
  };

  beforeAll(async () => {
    idp = { keys: new Map(), jwks: [], fetchJson: () => Promise.resolve({}) };
    await addKey(idp, 'k1');
    firstKey = idp.jwks[0] as jose.JWK;
  });

  beforeEach(() => {
    idp.jwks = [firstKey];
    idp.fetchJson = (url) =>
      Promise.resolve(
        url === CONFIG_URL
          ? { issuer: 'https://idp.test', jwks_uri: 'https://idp.test/keys' }
          : { keys: [...idp.jwks] },
      );
    nowMs = T0 * 1000;
    configs = new OpenIdConfigCache({ fetchJson: (url) => idp.fetchJson(url), now: () => nowMs });
    cache = new VerifiedTokenCache();
    signatureChecks.mockClear();
  });

  it('checks the signature of a repeated token once while its keys stay the same', async () => {
    const jwt = await token(idp, 'k1');
    const policy = rules();
    for (const seconds of [T0, T0 + 1, T0 + 600]) {
      const result = await verifyJwt(jwt, policy, configs, at(seconds));
      expect(result.ok).toBe(true);
    }
    expect(signatureChecks).toHaveBeenCalledTimes(1);
  });

  it('checks exp at every request (APIM: TokenExpired once exp + clock-skew has passed)', async () => {
    const jwt = await token(idp, 'k1', {}, { exp: T0 + 300 });
    const policy = rules({ clockSkewSeconds: 60 });
    expect((await verifyJwt(jwt, policy, configs, at(T0))).ok).toBe(true);
    expect((await verifyJwt(jwt, policy, configs, at(T0 + 359))).ok).toBe(true);
    expect(await verifyJwt(jwt, policy, configs, at(T0 + 360))).toMatchObject({
      ok: false,
      reason: 'TokenExpired',
    });
    expect(signatureChecks).toHaveBeenCalledTimes(1);
  });

  it('checks nbf at every request: not yet valid, then valid, with one signature check', async () => {
    const jwt = await token(idp, 'k1', {}, { nbf: T0 + 100 });
    const policy = rules();
    expect(await verifyJwt(jwt, policy, configs, at(T0))).toMatchObject({
      ok: false,
      reason: 'JwtInvalid',
      message: expect.stringMatching(/not yet valid/),
    });
    expect((await verifyJwt(jwt, policy, configs, at(T0 + 100))).ok).toBe(true);
    expect(signatureChecks).toHaveBeenCalledTimes(1);
  });

  it('key rollover: once the JWKS is re-fetched (1 h) without the signing key, the cached token fails', async () => {
    const jwt = await token(idp, 'k1');
    const policy = rules();
    expect((await verifyJwt(jwt, policy, configs, at(T0))).ok).toBe(true);
    await addKey(idp, 'k2');
    idp.jwks = idp.jwks.filter((key) => key.kid === 'k2');
    // within the hour APIM still holds the old key set, as the cache does
    expect((await verifyJwt(jwt, policy, configs, at(T0 + 3599))).ok).toBe(true);
    expect(await verifyJwt(jwt, policy, configs, at(T0 + 3600))).toMatchObject({
      ok: false,
      reason: 'TokenSignatureKeyNotFound',
    });
    // a token of the new key verifies (and is then cached against the new key set)
    const rolled = await token(idp, 'k2');
    expect((await verifyJwt(rolled, policy, configs, at(T0 + 3601))).ok).toBe(true);
    expect((await verifyJwt(rolled, policy, configs, at(T0 + 3602))).ok).toBe(true);
  });

  it('a key set refreshed for an unknown kid re-verifies cached tokens against the new set', async () => {
    const jwt = await token(idp, 'k1');
    const policy = rules();
    expect((await verifyJwt(jwt, policy, configs, at(T0))).ok).toBe(true);
    await addKey(idp, 'k3');
    const newKid = await token(idp, 'k3');
    // 5 min later an unknown kid triggers a refresh: the key set object changes
    expect((await verifyJwt(newKid, policy, configs, at(T0 + 300))).ok).toBe(true);
    signatureChecks.mockClear();
    expect((await verifyJwt(jwt, policy, configs, at(T0 + 301))).ok).toBe(true);
    expect(signatureChecks).toHaveBeenCalledTimes(1);
  });

  it("runs the policy's audience, issuer and required-claim checks on a cached token", async () => {
    const jwt = await token(idp, 'k1', { roles: ['reader'] });
    expect((await verifyJwt(jwt, rules(), configs, at(T0))).ok).toBe(true);
    const audience = rules({ audiences: ['api://other'] });
    const issuer = rules({ issuers: ['https://other-idp'] });
    const claims = rules({
      requiredClaims: [{ name: 'roles', match: 'all', separator: undefined, values: ['writer'] }],
    });
    for (const [policy, reason] of [
      [audience, 'TokenAudienceNotAllowed'],
      [issuer, 'TokenIssuerNotAllowed'],
      [claims, 'TokenClaimValueNotAllowed'],
    ] as const) {
      expect(await verifyJwt(jwt, policy, configs, at(T0 + 1))).toMatchObject({
        ok: false,
        reason,
      });
    }
  });

  it("never lends one policy's verified signature to another policy's keys", async () => {
    const jwt = await token(idp, 'k1');
    expect((await verifyJwt(jwt, rules(), configs, at(T0))).ok).toBe(true);
    const otherKeys = rules({
      openIdConfigUrls: [],
      inlineKeys: [
        { id: undefined, material: { kind: 'symmetric', secret: new Uint8Array(32).fill(7) } },
      ],
    });
    expect(await verifyJwt(jwt, otherKeys, configs, at(T0 + 1))).toMatchObject({
      ok: false,
      reason: 'TokenSignatureInvalid',
    });
  });

  it('never stores a token that failed its signature check', async () => {
    const jwt = await token(idp, 'k1');
    const [header, , signature] = jwt.split('.');
    const payload = Buffer.from(
      JSON.stringify({
        sub: 'mallory',
        iss: 'https://idp.test',
        aud: 'api://catalog',
        exp: T0 + 600,
      }),
    ).toString('base64url');
    const forged = `${header}.${payload}.${signature}`;
    for (const seconds of [T0, T0 + 1]) {
      expect(await verifyJwt(forged, rules(), configs, at(seconds))).toMatchObject({
        ok: false,
        reason: 'TokenSignatureInvalid',
      });
    }
    expect(signatureChecks).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });

  it('shares claims between requests read-only, and holds at most maxEntries tokens', async () => {
    const jwt = await token(idp, 'k1');
    await verifyJwt(jwt, rules(), configs, at(T0));
    const result = await verifyJwt(jwt, rules(), configs, at(T0 + 1));
    expect(result.ok && Object.isFrozen(result.jwt.claims)).toBe(true);
    const small = new VerifiedTokenCache({ maxEntries: 2 });
    const policy = rules();
    for (const sub of ['a', 'b', 'c']) {
      await verifyJwt(await token(idp, 'k1', { sub }), policy, configs, {
        now: T0 * 1000,
        verifiedTokens: small,
      });
    }
    expect(small.size).toBe(2);
  });
});
