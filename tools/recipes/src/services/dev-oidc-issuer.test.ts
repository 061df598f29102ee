import { describe, expect, it } from 'vitest';

import type { Recipe } from '../read-recipes.js';
import {
  devOidcIssuerMultiTenantService,
  devOidcIssuerService,
  MULTI_TENANT_DEV_ISSUER,
} from './dev-oidc-issuer.js';

const recipe = {} as Recipe;

async function discoveryIssuer(authority: string | undefined): Promise<unknown> {
  const response = await fetch(`${authority}/.well-known/openid-configuration`);
  return ((await response.json()) as { issuer: unknown }).issuer;
}

describe('dev-oidc-issuer local services', () => {
  it('point OIDC_AUTHORITY at a loopback dev issuer and stop it on close', async () => {
    const running = await devOidcIssuerService.start(recipe);
    const authority = running.env['OIDC_AUTHORITY'];
    expect(authority).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\.dev-issuer$/);
    expect(await discoveryIssuer(authority)).toBe('https://apim-gateway.local/dev-issuer');
    await running.close();
    await expect(fetch(`${authority}/discovery/keys`)).rejects.toThrow();
  });

  it("the multi-tenant variant advertises Entra's {tenantid} issuer template", async () => {
    const running = await devOidcIssuerMultiTenantService.start(recipe);
    try {
      expect(await discoveryIssuer(running.env['OIDC_AUTHORITY'])).toBe(MULTI_TENANT_DEV_ISSUER);
    } finally {
      await running.close();
    }
  });
});
