import { randomUUID } from 'node:crypto';

import { invokeRoute } from '@cookbook/http-kit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { useDevIssuer } from '../testing/use-dev-issuer.js';
import { getProtected } from './get-protected.js';

const dev = useDevIssuer();
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('GET /api/auth/protected', () => {
  it('grants the api.read app role from the roles ARRAY (the Python version compared it to a string)', async () => {
    const response = await invokeRoute(
      getProtected,
      bearer(await dev.mint({ claims: { roles: ['other', 'api.read'] } })),
    );
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      message: 'Access granted to the protected resource.',
      subject: 'user-1',
    });
  });

  it('grants the delegated scope api.read from scp', async () => {
    const response = await invokeRoute(
      getProtected,
      bearer(await dev.mint({ claims: { scp: 'User.Read api.read' } })),
    );
    expect(response.status).toBe(200);
  });

  it('answers a valid token without the role with 403 insufficient_scope', async () => {
    const response = await invokeRoute(
      getProtected,
      bearer(await dev.mint({ claims: { roles: ['api.write'], scp: 'api.reader' } })),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });

  it('grants access only when roles or scp holds exactly api.read (property)', async () => {
    const permission = fc.constantFrom(
      'api.read',
      'api.write',
      'API.READ',
      'api.read ',
      'api',
      'read',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(permission, { maxLength: 3 }),
        fc.array(permission, { maxLength: 3 }),
        async (roles, scopes) => {
          const token = await dev.mint({ claims: { roles, scp: scopes.join(' ') } });
          const response = await invokeRoute(getProtected, bearer(token));
          const granted =
            roles.includes('api.read') || scopes.join(' ').split(' ').includes('api.read');
          expect(response.status).toBe(granted ? 200 : 403);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refreshes the JWKS at most once per cooldown under 1,000 random kids', async () => {
    await invokeRoute(getProtected, bearer(await dev.mint({ claims: { roles: ['api.read'] } })));
    const before = dev.issuer.jwksRequests();
    const started = Date.now();
    const valid = await dev.mint({ claims: { roles: ['api.read'] } });
    const [header, payload, signature] = valid.split('.');
    const withKid = (kid: string): string => {
      const head = {
        ...(JSON.parse(Buffer.from(header ?? '', 'base64url').toString()) as object),
        kid,
      };
      return `${Buffer.from(JSON.stringify(head)).toString('base64url')}.${payload}.${signature}`;
    };
    for (let i = 0; i < 1000; i += 1) {
      const response = await invokeRoute(getProtected, bearer(withKid(randomUUID())));
      expect(response.status).toBe(401);
    }
    // At most one refresh per 30 s cooldown that elapsed, plus the one an unknown kid may trigger now.
    expect(dev.issuer.jwksRequests() - before).toBeLessThanOrEqual(
      1 + Math.floor((Date.now() - started) / 30_000),
    );
  });
});
