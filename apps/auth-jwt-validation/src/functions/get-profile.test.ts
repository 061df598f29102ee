import { invokeRoute } from '@cookbook/http-kit/testing';
import { describe, expect, it } from 'vitest';

import { useDevIssuer } from '../testing/use-dev-issuer.js';
import { getProfile } from './get-profile.js';

const dev = useDevIssuer();
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('GET /api/auth/profile', () => {
  it('returns the chosen claims of a valid token, never the token or every claim', async () => {
    const token = await dev.mint({
      claims: {
        name: 'Ada',
        preferred_username: 'ada@contoso.com',
        roles: ['api.read'],
        secret_claim: 's3cr3t',
      },
    });
    const response = await invokeRoute(getProfile, bearer(token));
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({
      subject: 'user-1',
      name: 'Ada',
      preferred_username: 'ada@contoso.com',
      roles: ['api.read'],
      scopes: [],
    });
    expect(response.body).not.toContain(token.split('.')[2]);
    expect(response.body).not.toContain('s3cr3t');
  });

  it('answers no Authorization header with 401 and a Bearer challenge', async () => {
    const response = await invokeRoute(getProfile);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('does not accept a token in the query string', async () => {
    const token = await dev.mint();
    const response = await invokeRoute(getProfile, { query: { access_token: token } });
    expect(response.status).toBe(401);
  });

  it('never logs the token', async () => {
    const tokens = [await dev.mint(), await dev.mint({ audience: 'api://other' })];
    for (const token of tokens) {
      const response = await invokeRoute(getProfile, bearer(token));
      for (const { message } of response.logs) expect(message).not.toContain(token.split('.')[2]);
    }
  });
});
