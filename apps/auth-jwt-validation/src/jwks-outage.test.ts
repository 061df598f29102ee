import { invokeRoute } from '@cookbook/http-kit/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { useDevIssuer } from './testing/use-dev-issuer.js';

const dev = useDevIssuer();
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

// A fresh module per test: a fresh process-wide verifier with nothing cached.
async function freshRoute() {
  vi.resetModules();
  return (await import('./functions/get-protected.js')).getProtected;
}

describe('identity provider outage', () => {
  beforeEach(() => dev.issuer.setAvailable(true));

  it('answers 503 with retry-after (not 401) while the JWKS is unreachable and nothing is cached', async () => {
    const route = await freshRoute();
    dev.issuer.setAvailable(false);
    const response = await invokeRoute(
      route,
      bearer(await dev.mint({ claims: { roles: ['api.read'] } })),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
  });

  it('keeps accepting tokens signed with cached keys while the JWKS is down', async () => {
    const route = await freshRoute();
    const token = await dev.mint({ claims: { roles: ['api.read'] } });
    expect((await invokeRoute(route, bearer(token))).status).toBe(200);
    dev.issuer.setAvailable(false);
    const later = await dev.mint({ subject: 'after-outage', claims: { roles: ['api.read'] } });
    expect((await invokeRoute(route, bearer(later))).status).toBe(200);
  });
});
