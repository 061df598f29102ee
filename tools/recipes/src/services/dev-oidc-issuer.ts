import { startDevIssuer } from '@cookbook/apim-gateway';

import type { LocalService } from './local-service.js';

/** The app setting that points a recipe at its OpenID Connect authority (Entra ID in Azure). */
export const OIDC_AUTHORITY_SETTING = 'OIDC_AUTHORITY';

/** Entra ID's multi-tenant (`organizations`) metadata names this issuer; each token fills in its `tid`. */
export const MULTI_TENANT_DEV_ISSUER = 'https://login.microsoftonline.com/{tenantid}/v2.0';

function devOidcIssuer(issuer: string | undefined, description: string): LocalService {
  return {
    description,
    async start() {
      // The default key directory: tokens from the gateway's `token` command verify here too.
      const running = await startDevIssuer({ ...(issuer ? { issuer } : {}) });
      return { env: { [OIDC_AUTHORITY_SETTING]: running.authority }, close: () => running.close() };
    },
  };
}

/** Entra ID for one tenant: the gateway's dev issuer on a loopback port (`OIDC_AUTHORITY`). */
export const devOidcIssuerService: LocalService = devOidcIssuer(
  undefined,
  'Entra ID (single tenant): the dev OIDC issuer of tools/apim-gateway',
);

/** Entra ID's multi-tenant metadata: the same issuer, advertising `{tenantid}` like `organizations`. */
export const devOidcIssuerMultiTenantService: LocalService = devOidcIssuer(
  MULTI_TENANT_DEV_ISSUER,
  'Entra ID (multi-tenant metadata): the dev OIDC issuer of tools/apim-gateway',
);
