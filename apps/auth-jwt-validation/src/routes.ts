import {
  type AnyRoute,
  apiDocsRoutes,
  type OpenApiOptions,
  openApiRoute,
} from '@cookbook/http-kit';

import { getProfile } from './functions/get-profile.js';
import { getProtected } from './functions/get-protected.js';

/** Document metadata; `routePrefix` must match host.json. */
export const openApiOptions: OpenApiOptions = {
  info: {
    title: 'Auth JWT Validation',
    version: '1.0.0',
    description:
      'Bearer tokens against Entra ID: OIDC discovery, cached JWKS, algorithm allow-list, RFC 6750 errors, attack-tested',
  },
  routePrefix: 'api',
};

/** The API routes, documented in the OpenAPI document. */
export const apiRoutes: readonly AnyRoute[] = [getProfile, getProtected];

/** Everything main.ts registers: the API plus its OpenAPI document and docs page. */
export const appRoutes: readonly AnyRoute[] = [
  ...apiRoutes,
  openApiRoute({ ...openApiOptions, routes: apiRoutes }),
  ...apiDocsRoutes({ title: 'Auth JWT Validation' }),
];
