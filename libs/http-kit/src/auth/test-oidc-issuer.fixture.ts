import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

/** A minimal OIDC issuer on 127.0.0.1 for http-kit's own tests (recipes use tools/apim-gateway's). */
export interface TestIssuer {
  authority: string;
  issuer: string;
  publicJwk: JWK;
  jwksRequests(): number;
  setAvailable(available: boolean): void;
  sign(claims: JWTPayload, header?: { kid?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(issuer = 'https://issuer.test/v2.0'): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  let count = 0;
  let available = true;
  let base = '';
  const server = createServer((request, response) => {
    const send = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (!available) return send(503, {});
    if (request.url === '/.well-known/openid-configuration')
      return send(200, { issuer, jwks_uri: `${base}/keys` });
    if (request.url === '/keys') {
      count += 1;
      return send(200, { keys: [publicJwk] });
    }
    return send(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    authority: base,
    issuer,
    publicJwk,
    jwksRequests: () => count,
    setAvailable: (next) => {
      available = next;
    },
    sign: (claims, header = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: issuer,
        aud: 'api://app',
        sub: 'user-1',
        iat: now,
        exp: now + 600,
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: header.kid ?? 'k1' })
        .sign(privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
