import { describe, expect, it } from 'vitest';

import { OpenIdConfigCache } from './openid-config-cache.js';

function fakeIdp(): {
  fetchJson: (url: string) => Promise<unknown>;
  calls: string[];
  kids: string[];
} {
  const calls: string[] = [];
  const kids = ['k1'];
  return {
    calls,
    kids,
    fetchJson: (url) => {
      calls.push(url);
      if (url.endsWith('/openid-configuration'))
        return Promise.resolve({ issuer: 'https://idp', jwks_uri: 'https://idp/keys' });
      return Promise.resolve({ keys: kids.map((kid) => ({ kty: 'oct', k: 'c2VjcmV0', kid })) });
    },
  };
}

describe('OpenIdConfigCache (APIM: JWKS cached 1 h, unknown kid re-fetch at most every 5 min)', () => {
  const url = 'https://idp/.well-known/openid-configuration';

  it('fetches metadata and JWKS once and reuses them within the hour', async () => {
    let now = 0;
    const idp = fakeIdp();
    const cache = new OpenIdConfigCache({ fetchJson: idp.fetchJson, now: () => now });
    expect((await cache.get(url)).issuer).toBe('https://idp');
    now += 59 * 60_000;
    await cache.get(url);
    expect(idp.calls).toHaveLength(2);
    now += 2 * 60_000;
    await cache.get(url);
    expect(idp.calls).toHaveLength(4);
  });

  it('refreshes for an unknown kid only after the 5 minute cool-down', async () => {
    let now = 0;
    const idp = fakeIdp();
    const cache = new OpenIdConfigCache({ fetchJson: idp.fetchJson, now: () => now });
    await cache.get(url);
    idp.kids.push('k2');
    expect(await cache.refreshForUnknownKey(url)).toBeUndefined();
    now += 5 * 60_000;
    const refreshed = await cache.refreshForUnknownKey(url);
    expect(refreshed?.keys.keys.map((k) => k.kid)).toEqual(['k1', 'k2']);
  });

  it('shares one in-flight fetch between concurrent callers and rejects metadata without jwks_uri', async () => {
    const idp = fakeIdp();
    const cache = new OpenIdConfigCache({ fetchJson: idp.fetchJson });
    await Promise.all([cache.get(url), cache.get(url), cache.get(url)]);
    expect(idp.calls).toHaveLength(2);
    const broken = new OpenIdConfigCache({ fetchJson: () => Promise.resolve({ issuer: 'x' }) });
    await expect(broken.get(url)).rejects.toThrow(/has no jwks_uri/);
  });
});
