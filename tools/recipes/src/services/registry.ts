import { azuriteService } from './azurite.js';
import { bffStubsService } from './bff-stubs.js';
import { devOidcIssuerMultiTenantService, devOidcIssuerService } from './dev-oidc-issuer.js';
import type { LocalService } from './local-service.js';

/** Every local service by the name recipes use in `local.services`; one file per service beside this one. */
export const LOCAL_SERVICES: Readonly<Record<string, LocalService>> = {
  azurite: azuriteService,
  'bff-stubs': bffStubsService,
  'dev-oidc-issuer': devOidcIssuerService,
  'dev-oidc-issuer-multitenant': devOidcIssuerMultiTenantService,
};
