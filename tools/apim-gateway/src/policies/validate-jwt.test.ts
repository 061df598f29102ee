import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { policy, useTestGateways } from '../../test-fixtures/test-gateway.js';

const gatewayWith = useTestGateways();

const SECRET = 'a-local-test-secret-of-32-bytes!';
const SECRET_B64 = Buffer.from(SECRET).toString('base64');

async function hs256(
  claims: Record<string, unknown>,
  options: { exp?: number | null; secret?: string } = {},
): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (options.exp !== null)
    jwt.setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 600);
  return jwt.sign(new TextEncoder().encode(options.secret ?? SECRET));
}

const symmetric = (attributes: string, children = ''): string =>
  policy({
    inbound: `<base /><validate-jwt ${attributes}><issuer-signing-keys><key>${SECRET_B64}</key></issuer-signing-keys>${children}</validate-jwt>`,
    onError:
      '<base /><set-header name="x-reason" exists-action="override"><value>@(context.LastError.Source + ":" + context.LastError.Reason)</value></set-header>',
  });

describe('validate-jwt with an inline symmetric key (HS256)', () => {
  it('401 "JWT not present." when the header is missing', async () => {
    const gw = await gatewayWith({ apiPolicy: symmetric('header-name="Authorization"') });
    const response = await gw.call('/api/health');
    expect([response.status, response.headers.get('x-reason'), await response.json()]).toEqual([
      401,
      'validate-jwt:TokenNotPresent',
      { statusCode: 401, message: 'JWT not present.' },
    ]);
  });

  it('accepts "Bearer <jwt>" in Authorization and forwards the request', async () => {
    const gw = await gatewayWith({ apiPolicy: symmetric('header-name="Authorization"') });
    const response = await gw.call('/api/health', {
      headers: { Authorization: `Bearer ${await hs256({ sub: 'u' })}` },
    });
    expect(response.status).toBe(200);
  });

  it.each([
    [
      'a bad signature',
      () => hs256({}, { secret: 'another-secret-another-secret-xx' }),
      'TokenSignatureInvalid',
    ],
    [
      'an expired token',
      () => hs256({}, { exp: Math.floor(Date.now() / 1000) - 120 }),
      'TokenExpired',
    ],
    [
      'a token without exp (require-expiration-time defaults to true)',
      () => hs256({}, { exp: null }),
      'JwtInvalid',
    ],
    ['garbage', () => Promise.resolve('not-a-jwt'), 'JwtInvalid'],
  ])('401 "Invalid JWT." for %s', async (_label, token, reason) => {
    const gw = await gatewayWith({ apiPolicy: symmetric('header-name="Authorization"') });
    const response = await gw.call('/api/health', {
      headers: { Authorization: `Bearer ${await token()}` },
    });
    expect([response.status, response.headers.get('x-reason'), await response.json()]).toEqual([
      401,
      `validate-jwt:${reason}`,
      { statusCode: 401, message: 'Invalid JWT.' },
    ]);
  });

  it('failed-validation-httpcode and failed-validation-error-message replace status and message', async () => {
    const gw = await gatewayWith({
      apiPolicy: symmetric(
        'header-name="Authorization" failed-validation-httpcode="403" failed-validation-error-message="Nope"',
      ),
    });
    const response = await gw.call('/api/health');
    expect([response.status, await response.json()]).toEqual([
      403,
      { statusCode: 403, message: 'Nope' },
    ]);
  });

  it('clock-skew tolerates a recently expired token; require-expiration-time="false" allows no exp', async () => {
    const gw = await gatewayWith({
      apiPolicy: symmetric(
        'header-name="Authorization" clock-skew="300" require-expiration-time="false"',
      ),
    });
    const expired = await hs256({}, { exp: Math.floor(Date.now() / 1000) - 60 });
    expect(
      (await gw.call('/api/health', { headers: { Authorization: `Bearer ${expired}` } })).status,
    ).toBe(200);
    expect(
      (
        await gw.call('/api/health', {
          headers: { Authorization: `Bearer ${await hs256({}, { exp: null })}` },
        })
      ).status,
    ).toBe(200);
  });

  it('require-scheme="Bearer" rejects another scheme on Authorization', async () => {
    const gw = await gatewayWith({
      apiPolicy: symmetric('header-name="Authorization" require-scheme="Bearer"'),
    });
    const token = await hs256({});
    expect(
      (await gw.call('/api/health', { headers: { Authorization: `Token ${token}` } })).status,
    ).toBe(401);
    expect(
      (await gw.call('/api/health', { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
  });

  it('reads the token from a query parameter or from token-value', async () => {
    const token = await hs256({});
    const byQuery = await gatewayWith({
      apiPolicy: symmetric('query-parameter-name="access_token"'),
    });
    expect((await byQuery.call(`/api/health?access_token=${token}`)).status).toBe(200);
    const byValue = await gatewayWith({
      apiPolicy: symmetric(
        `token-value='@(context.Request.Headers.GetValueOrDefault("x-token", ""))'`,
      ),
    });
    expect((await byValue.call('/api/health', { headers: { 'x-token': token } })).status).toBe(200);
    expect((await byValue.call('/api/health')).status).toBe(401);
  });

  it('audiences and issuers: any listed value may match', async () => {
    const gw = await gatewayWith({
      apiPolicy: symmetric(
        'header-name="Authorization"',
        '<audiences><audience>api://a</audience><audience>api://b</audience></audiences><issuers><issuer>https://issuer.example</issuer></issuers>',
      ),
    });
    const call = async (claims: Record<string, unknown>): Promise<[number, string | null]> => {
      const response = await gw.call('/api/health', {
        headers: { Authorization: `Bearer ${await hs256(claims)}` },
      });
      return [response.status, response.headers.get('x-reason')];
    };
    expect(await call({ aud: ['api://x', 'api://b'], iss: 'https://issuer.example' })).toEqual([
      200,
      null,
    ]);
    expect(await call({ aud: 'api://x', iss: 'https://issuer.example' })).toEqual([
      401,
      'validate-jwt:TokenAudienceNotAllowed',
    ]);
    expect(await call({ aud: 'api://a', iss: 'https://evil.example' })).toEqual([
      401,
      'validate-jwt:TokenIssuerNotAllowed',
    ]);
  });

  it('required-claims: match all / any with a separator', async () => {
    const gw = await gatewayWith({
      apiPolicy: symmetric(
        'header-name="Authorization"',
        `<required-claims>
          <claim name="scp" match="all" separator=" "><value>read</value><value>write</value></claim>
          <claim name="roles" match="any"><value>admin</value><value>editor</value></claim>
        </required-claims>`,
      ),
    });
    const call = async (claims: Record<string, unknown>): Promise<string | null> =>
      (
        await gw.call('/api/health', {
          headers: { Authorization: `Bearer ${await hs256(claims)}` },
        })
      ).headers.get('x-reason');
    expect(await call({ scp: 'read write', roles: ['viewer', 'editor'] })).toBeNull();
    expect(await call({ scp: 'read', roles: ['editor'] })).toBe(
      'validate-jwt:TokenClaimValueNotAllowed',
    );
    expect(await call({ scp: 'read write', roles: ['viewer'] })).toBe(
      'validate-jwt:TokenClaimValueNotAllowed',
    );
    expect(await call({ scp: 'read write' })).toBe('validate-jwt:TokenClaimNotFound');
  });

  it('output-token-variable-name exposes claims to expressions as a Jwt', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base />
          <validate-jwt header-name="Authorization" output-token-variable-name="jwt"><issuer-signing-keys><key>${SECRET_B64}</key></issuer-signing-keys></validate-jwt>
          <set-header name="x-user" exists-action="override"><value>@(((Jwt)context.Variables["jwt"]).Claims.GetValueOrDefault("name", "?") + "/" + context.Request.Headers.GetValueOrDefault("Authorization", "").AsJwt()?.Subject)</value></set-header>`,
      }),
    });
    await gw.call('/api/health', {
      headers: { Authorization: `Bearer ${await hs256({ name: 'Ada', sub: 'u-1' })}` },
    });
    expect(gw.backend.requests[0]?.headers['x-user']).toBe('Ada/u-1');
  });
});

describe('validate-jwt with RSA keys', () => {
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let publicJwk: Awaited<ReturnType<typeof exportJWK>>;
  let jwksServer: { url: string; hits: string[]; close(): Promise<void> };

  beforeAll(async () => {
    keys = await generateKeyPair('RS256');
    publicJwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      if (req.url === '/.well-known/openid-configuration') {
        res.end(
          JSON.stringify({ issuer: 'https://login.example/tenant/v2.0', jwks_uri: `${base}/keys` }),
        );
      } else {
        res.end(JSON.stringify({ keys: [publicJwk] }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    jwksServer = {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      hits,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  });
  afterAll(async () => {
    await jwksServer.close();
  });

  const rs256 = (claims: Record<string, unknown>, kid = 'k1'): Promise<string> =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(keys.privateKey);

  it('openid-config: fetches metadata + JWKS over HTTP once, caches them, and uses the metadata issuer', async () => {
    jwksServer.hits.length = 0;
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base /><validate-jwt header-name="Authorization"><openid-config url="{{openid-config-url}}" /></validate-jwt>`,
      }),
      namedValues: { 'openid-config-url': `${jwksServer.url}/.well-known/openid-configuration` },
    });
    const good = await rs256({ iss: 'https://login.example/tenant/v2.0' });
    expect(
      (await gw.call('/api/health', { headers: { Authorization: `Bearer ${good}` } })).status,
    ).toBe(200);
    expect(
      (await gw.call('/api/health', { headers: { Authorization: `Bearer ${good}` } })).status,
    ).toBe(200);
    expect(jwksServer.hits).toEqual(['/.well-known/openid-configuration', '/keys']);
    const wrongIssuer = await rs256({ iss: 'https://elsewhere' });
    expect(
      (await gw.call('/api/health', { headers: { Authorization: `Bearer ${wrongIssuer}` } }))
        .status,
    ).toBe(401);
  });

  it('an unknown kid is TokenSignatureKeyNotFound', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base /><validate-jwt header-name="Authorization"><openid-config url="${jwksServer.url}/.well-known/openid-configuration" /></validate-jwt>`,
        onError:
          '<base /><set-header name="x-reason" exists-action="override"><value>@(context.LastError.Reason)</value></set-header>',
      }),
    });
    const token = await rs256({ iss: 'https://login.example/tenant/v2.0' }, 'other-kid');
    const response = await gw.call('/api/health', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect([response.status, response.headers.get('x-reason')]).toEqual([
      401,
      'TokenSignatureKeyNotFound',
    ]);
  });

  it('issuer-signing-keys with n/e validates RS256', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base /><validate-jwt header-name="Authorization"><issuer-signing-keys><key n="${publicJwk.n}" e="${publicJwk.e}" /></issuer-signing-keys></validate-jwt>`,
      }),
    });
    expect(
      (await gw.call('/api/health', { headers: { Authorization: `Bearer ${await rs256({})}` } }))
        .status,
    ).toBe(200);
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setExpirationTime('10m')
      .sign(other.privateKey);
    expect(
      (await gw.call('/api/health', { headers: { Authorization: `Bearer ${forged}` } })).status,
    ).toBe(401);
  });
});

describe('the gateway dev issuer', () => {
  it('serves openid-config + JWKS so dev tokens validate via dev-issuer:openid-config-url', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base /><validate-jwt header-name="Authorization" require-scheme="Bearer">
          <openid-config url="{{openid-config-url}}" />
          <audiences><audience>{{jwt-audience}}</audience></audiences>
          <issuers><issuer>https://login.microsoftonline.com/{{tenant-id}}/v2.0</issuer></issuers>
        </validate-jwt>`,
      }),
      namedValues: {
        'openid-config-url': 'dev-issuer:openid-config-url',
        'jwt-audience': 'api://catalog',
        'tenant-id': 'tenant-1',
      },
      devIssuer: {
        issuer: 'https://login.microsoftonline.com/{{tenant-id}}/v2.0',
        audience: '{{jwt-audience}}',
      },
    });
    const token = await gw.gateway.mintToken({ claims: { roles: ['reader'] } });
    expect(
      (await gw.call('/api/health', { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    const wrongAudience = await gw.gateway.mintToken({ audience: 'api://other' });
    expect(
      (await gw.call('/api/health', { headers: { Authorization: `Bearer ${wrongAudience}` } }))
        .status,
    ).toBe(401);
    const config = (await (await fetch(gw.gateway.openIdConfigurationUrl)).json()) as Record<
      string,
      unknown
    >;
    expect(config['issuer']).toBe('https://login.microsoftonline.com/tenant-1/v2.0');
  });
});
