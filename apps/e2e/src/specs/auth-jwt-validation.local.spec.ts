import { randomUUID } from 'node:crypto';

import { expect, test } from '../fixtures.js';
import {
  devToken,
  localAudience,
  publicKeyHmacToken,
  serveWithOwnIssuer,
  tamperedToken,
  unsignedToken,
  withKid,
} from '../support/auth-recipes.js';
import { expectProblem } from '../support/expect-problem.js';
import { localHostUrl } from '../support/local-recipes.js';

// Local only: tokens come from the dev OIDC issuer the recipe's stack started (its key is on this machine).
const base = localHostUrl('auth-jwt-validation');
const audience = localAudience('auth-jwt-validation');
const now = (): number => Math.floor(Date.now() / 1000);
const reader = { roles: ['api.read'] };

test('a valid token with the api.read role (roles array) reaches both routes', async ({
  anonymous,
}) => {
  const token = await devToken({ audience, claims: reader });
  const headers = { authorization: `Bearer ${token}` };
  const profile = await anonymous.get(`${base}/api/auth/profile`, { headers });
  expect(profile.status()).toBe(200);
  expect(await profile.json()).toMatchObject({ subject: 'e2e-user', roles: ['api.read'] });
  expect(await profile.text()).not.toContain(token);
  expect((await anonymous.get(`${base}/api/auth/protected`, { headers })).status()).toBe(200);
});

test('a delegated token with scp api.read reaches /protected', async ({ anonymous }) => {
  const token = await devToken({ audience, claims: { scp: 'User.Read api.read' } });
  const response = await anonymous.get(`${base}/api/auth/protected`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(200);
});

test.describe('401 without usable credentials: a bare Bearer challenge (RFC 6750 §3.1)', () => {
  const cases: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['the wrong scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
  ];
  for (const [name, headers] of cases) {
    test(name, async ({ anonymous }) => {
      const response = await anonymous.get(`${base}/api/auth/profile`, { headers });
      await expectProblem(response, 401);
      expect(response.headers()['www-authenticate']).toBe('Bearer realm="api"');
    });
  }
});

test.describe('401 invalid_token for every forged or unacceptable token', () => {
  const claims = (): Record<string, unknown> => ({
    iss: 'https://apim-gateway.local/dev-issuer',
    aud: audience,
    sub: 'attacker',
    exp: now() + 600,
    roles: ['api.read'],
  });
  const attacks: [string, () => Promise<string>][] = [
    ['alg none', async () => unsignedToken(claims())],
    ['HS256 signed with the public key', () => publicKeyHmacToken(claims())],
    ['expired', () => devToken({ audience, claims: reader, expiresInSeconds: -3600 })],
    [
      'not yet valid',
      () => devToken({ audience, claims: reader, notBefore: new Date(Date.now() + 3_600_000) }),
    ],
    ['wrong aud', () => devToken({ audience: 'api://someone-else', claims: reader })],
    [
      'wrong iss',
      () =>
        devToken({
          audience,
          claims: reader,
          issuer: 'https://login.microsoftonline.com/evil/v2.0',
        }),
    ],
    [
      'tampered payload',
      async () =>
        tamperedToken(await devToken({ audience }), { roles: ['api.read'], sub: 'admin' }),
    ],
    [
      'unknown kid',
      async () => withKid(await devToken({ audience, claims: reader }), 'not-a-known-key'),
    ],
  ];
  for (const [name, make] of attacks) {
    test(name, async ({ anonymous }) => {
      const response = await anonymous.get(`${base}/api/auth/protected`, {
        headers: { authorization: `Bearer ${await make()}` },
      });
      await expectProblem(response, 401);
      expect(response.headers()['www-authenticate']).toContain('error="invalid_token"');
    });
  }
});

test('403 insufficient_scope for a valid token without api.read', async ({ anonymous }) => {
  const token = await devToken({ audience, claims: { roles: ['api.write'], scp: 'User.Read' } });
  const response = await anonymous.get(`${base}/api/auth/protected`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await expectProblem(response, 403);
  expect(response.headers()['www-authenticate']).toContain('error="insufficient_scope"');
});

test('a token in the query string is not accepted', async ({ anonymous }) => {
  const token = await devToken({ audience, claims: reader });
  const response = await anonymous.get(`${base}/api/auth/protected?access_token=${token}`);
  await expectProblem(response, 401);
});

test.describe('against an issuer this spec controls', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });

  test('1,000 requests with random kids trigger at most one JWKS refresh per cooldown', async ({
    anonymous,
  }) => {
    const served = await serveWithOwnIssuer('auth-jwt-validation');
    try {
      const url = `${served.stack.hostUrl}/api/auth/protected`;
      const valid = await served.mint({ claims: reader });
      expect(
        (await anonymous.get(url, { headers: { authorization: `Bearer ${valid}` } })).status(),
      ).toBe(200);
      const before = served.issuer.jwksRequests();
      const started = Date.now();
      for (let i = 0; i < 1000; i += 1) {
        const response = await anonymous.get(url, {
          headers: { authorization: `Bearer ${withKid(valid, randomUUID())}` },
        });
        expect(response.status()).toBe(401);
      }
      // The recipe's cooldown is 30 s: one refresh now, plus one per cooldown that elapsed on a slow machine.
      expect(served.issuer.jwksRequests() - before).toBeLessThanOrEqual(
        1 + Math.floor((Date.now() - started) / 30_000),
      );
    } finally {
      await served.close();
    }
  });

  test('JWKS unreachable with nothing cached → 503; cached keys keep working', async ({
    anonymous,
  }) => {
    const served = await serveWithOwnIssuer('auth-jwt-validation');
    try {
      const url = `${served.stack.hostUrl}/api/auth/protected`;
      const token = await served.mint({ claims: reader });
      served.issuer.setAvailable(false);
      const down = await anonymous.get(url, { headers: { authorization: `Bearer ${token}` } });
      await expectProblem(down, 503);
      expect(down.headers()['retry-after']).toBeTruthy();
      served.issuer.setAvailable(true);
      // the verifier backs off 5 s after a failed fetch: poll until it fetches again
      await expect
        .poll(
          async () =>
            (await anonymous.get(url, { headers: { authorization: `Bearer ${token}` } })).status(),
          { timeout: 30_000 },
        )
        .toBe(200);
      served.issuer.setAvailable(false);
      const cached = await anonymous.get(url, {
        headers: { authorization: `Bearer ${await served.mint({ claims: reader })}` },
      });
      expect(cached.status()).toBe(200);
    } finally {
      await served.close();
    }
  });
});
