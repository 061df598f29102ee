import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';

import { defineRoute } from '../route/define-route.js';
import { invokeRoute } from '../testing/invoke-route.js';
import { bearerAuth } from './bearer-auth.js';
import { createOidcVerifier } from './create-oidc-verifier.js';
import { startTestIssuer, type TestIssuer } from './test-oidc-issuer.fixture.js';

function routeFor(issuer: TestIssuer) {
  const verify = createOidcVerifier({ authority: issuer.authority, audience: 'api://app' });
  return defineRoute({
    name: 'whoami',
    methods: ['GET'],
    route: 'whoami',
    authLevel: 'anonymous',
    context: { principal: bearerAuth(verify, { anyRole: ['api.read'], anyScope: ['api.read'] }) },
    responses: { 200: { description: 'Who', schema: z.object({ subject: z.string() }) } },
    // The principal is typed: a typo here would not compile.
    handler: (_input, { requestContext }) => ({
      status: 200,
      body: { subject: requestContext.principal.subject },
    }),
  });
}

describe('bearerAuth (RFC 6750 challenges as catalogued problems)', () => {
  let issuer: TestIssuer;
  beforeEach(async () => {
    issuer = await startTestIssuer();
  });
  afterEach(() => issuer.close());

  it('gives the handler a typed principal for a token with the role (roles is an array)', async () => {
    const token = await issuer.sign({ roles: ['other', 'api.read'] });
    const response = await invokeRoute(routeFor(issuer), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ subject: 'user-1' });
  });

  it('accepts a delegated token by its space-separated scp', async () => {
    const token = await issuer.sign({ scp: 'profile api.read' });
    const response = await invokeRoute(routeFor(issuer), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
  });

  it('answers no credentials with 401 and a bare Bearer challenge (RFC 6750 §3.1)', async () => {
    const response = await invokeRoute(routeFor(issuer));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="api"');
    expect(response.json()).toMatchObject({
      status: 401,
      type: expect.stringContaining('unauthorized'),
    });
  });

  it('answers another scheme with 401 and a bare Bearer challenge too (RFC 6750 §3.1)', async () => {
    const response = await invokeRoute(routeFor(issuer), {
      headers: { authorization: 'Basic dTpw' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="api"');
  });

  it('answers a bad token with 401 error="invalid_token"', async () => {
    const response = await invokeRoute(routeFor(issuer), {
      headers: { authorization: 'Bearer a.b.c' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('answers a valid token without the role with 403 error="insufficient_scope"', async () => {
    const token = await issuer.sign({ roles: 'api.read.all' });
    const response = await invokeRoute(routeFor(issuer), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });

  it('answers 503 with retry-after, not 401, when the keys cannot be fetched', async () => {
    issuer.setAvailable(false);
    const token = await issuer.sign({ roles: ['api.read'] });
    const response = await invokeRoute(routeFor(issuer), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
  });

  it('never writes the token to a log line, whatever the outcome', async () => {
    const route = routeFor(issuer);
    const tokens = [
      await issuer.sign({ roles: ['api.read'] }),
      await issuer.sign({ roles: [] }),
      await issuer.sign({ aud: 'x' }),
    ];
    const logs: string[] = [];
    for (const token of tokens) {
      const response = await invokeRoute(route, { headers: { authorization: `Bearer ${token}` } });
      logs.push(...response.logs.map((entry) => entry.message));
    }
    expect(logs.length).toBeGreaterThan(0);
    for (const token of tokens) {
      const signature = token.split('.')[2] ?? '';
      for (const line of logs) expect(line).not.toContain(signature);
    }
  });
});
