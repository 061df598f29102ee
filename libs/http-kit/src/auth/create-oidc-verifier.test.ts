import { createHmac, randomUUID } from 'node:crypto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  createOidcVerifier,
  InvalidTokenError,
  SigningKeysUnavailableError,
  type TokenVerifier,
} from './create-oidc-verifier.js';
import { startTestIssuer, type TestIssuer } from './test-oidc-issuer.fixture.js';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = (): number => Math.floor(Date.now() / 1000);

describe('createOidcVerifier', () => {
  let issuer: TestIssuer;
  let verify: TokenVerifier;

  beforeEach(async () => {
    issuer = await startTestIssuer();
    verify = createOidcVerifier({ authority: issuer.authority, audience: 'api://app' });
  });
  afterEach(() => issuer.close());

  it('accepts a valid token and returns its claims', async () => {
    const claims = await verify(await issuer.sign({ roles: ['api.read'] }));
    expect(claims).toMatchObject({ sub: 'user-1', roles: ['api.read'] });
  });

  const attacks: [string, () => Promise<string>][] = [
    [
      'alg none',
      async () =>
        `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ iss: issuer.issuer, aud: 'api://app', sub: 'x', exp: now() + 600 })}.`,
    ],
    [
      'HS256 signed with the public key',
      async () => {
        const head = `${b64url({ alg: 'HS256', typ: 'JWT', kid: 'k1' })}.${b64url({ iss: issuer.issuer, aud: 'api://app', sub: 'x', exp: now() + 600 })}`;
        const mac = createHmac('sha256', JSON.stringify(issuer.publicJwk))
          .update(head)
          .digest('base64url');
        return `${head}.${mac}`;
      },
    ],
    ['expired (beyond the 60 s tolerance)', () => issuer.sign({ exp: now() - 120 })],
    ['not yet valid', () => issuer.sign({ nbf: now() + 600 })],
    ['wrong aud', () => issuer.sign({ aud: 'api://someone-else' })],
    ['wrong iss', () => issuer.sign({ iss: 'https://evil.test/v2.0' })],
    [
      'tampered payload',
      async () => {
        const [head, , sig] = (await issuer.sign({ roles: [] })).split('.');
        return `${head}.${b64url({ iss: issuer.issuer, aud: 'api://app', sub: 'admin', exp: now() + 600, roles: ['api.read'] })}.${sig}`;
      },
    ],
    ['unknown kid', () => issuer.sign({}, { kid: 'not-a-key' })],
    ['not a JWT at all', async () => 'abc.def'],
  ];
  it.each(attacks)('refuses %s as an invalid token', async (_name, make) => {
    await expect(verify(await make())).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refreshes the JWKS at most once per cooldown under 1,000 random kids (no refresh storm)', async () => {
    const cooldownMs = 30_000;
    verify = createOidcVerifier({ authority: issuer.authority, audience: 'api://app', cooldownMs });
    const started = Date.now();
    await verify(await issuer.sign({}));
    const tokens = await Promise.all(
      Array.from({ length: 1000 }, () => issuer.sign({}, { kid: randomUUID() })),
    );
    for (const token of tokens)
      await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    // One initial fetch plus one refresh per cooldown that elapsed (the bound adapts to a slow machine).
    const allowed = 2 + Math.floor((Date.now() - started) / cooldownMs);
    expect(issuer.jwksRequests()).toBeLessThanOrEqual(allowed);
  });

  it('answers "keys unavailable" (503), not "invalid", when nothing is cached and the issuer is down', async () => {
    issuer.setAvailable(false);
    await expect(verify(await issuer.sign({}))).rejects.toBeInstanceOf(SigningKeysUnavailableError);
  });

  it('keeps verifying with cached keys while the issuer is down', async () => {
    await verify(await issuer.sign({}));
    issuer.setAvailable(false);
    await expect(verify(await issuer.sign({ sub: 'still-works' }))).resolves.toMatchObject({
      sub: 'still-works',
    });
  });

  it('refuses, at start-up, an authority over plain http unless it is loopback', () => {
    expect(() =>
      createOidcVerifier({ authority: 'http://login.example.com/t/v2.0', audience: 'a' }),
    ).toThrow(/must use https/);
    expect(() => createOidcVerifier({ authority: 'not a url', audience: 'a' })).toThrow(
      /not a URL/,
    );
    expect(() => createOidcVerifier({ authority: issuer.authority, audience: '' })).toThrow(
      /audience/,
    );
  });
});

describe('createOidcVerifier with multi-tenant metadata ({tenantid} issuer)', () => {
  const A = '11111111-1111-1111-1111-111111111111';
  const B = '22222222-2222-2222-2222-222222222222';
  let issuer: TestIssuer;
  let verify: TokenVerifier;
  const iss = (tid: string): string => `https://login.microsoftonline.com/${tid}/v2.0`;

  beforeEach(async () => {
    issuer = await startTestIssuer('https://login.microsoftonline.com/{tenantid}/v2.0');
    verify = createOidcVerifier({ authority: issuer.authority, audience: 'api://app' });
  });
  afterEach(() => issuer.close());

  it('accepts a token whose iss names its own tid', async () => {
    await expect(verify(await issuer.sign({ tid: A, iss: iss(A) }))).resolves.toMatchObject({
      tid: A,
    });
  });

  it.each([
    ['iss of another tenant', { tid: A, iss: iss(B) }],
    [
      'the literal {tenantid} issuer',
      { tid: A, iss: 'https://login.microsoftonline.com/{tenantid}/v2.0' },
    ],
    ['no tid', { iss: iss(A) }],
    ['a tid that is not a GUID', { tid: 'common', iss: iss('common') }],
    ['a v1 (sts.windows.net) issuer', { tid: A, iss: `https://sts.windows.net/${A}/` }],
  ])('refuses %s', async (_name, claims) => {
    await expect(verify(await issuer.sign(claims))).rejects.toBeInstanceOf(InvalidTokenError);
  });
});
