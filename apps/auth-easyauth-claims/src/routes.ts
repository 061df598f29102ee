import {
  type AnyRoute,
  apiDocsRoutes,
  type OpenApiOptions,
  openApiRoute,
} from '@cookbook/http-kit';

import { authEasyauthClaims } from './functions/auth-easyauth-claims.js';

/** Document metadata; `routePrefix` must match host.json. */
export const openApiOptions: OpenApiOptions = {
  info: {
    title: 'Auth Easyauth Claims',
    version: '1.0.0',
    description:
      'App Service Authentication: the X-MS-CLIENT-PRINCIPAL header decoded safely, roles from role_typ, 401/403 problems',
  },
  routePrefix: 'api',
};

/** The API routes, documented in the OpenAPI document. */
export const apiRoutes: readonly AnyRoute[] = [authEasyauthClaims];

/** Everything main.ts registers: the API plus its OpenAPI document and docs page. */
export const appRoutes: readonly AnyRoute[] = [
  ...apiRoutes,
  openApiRoute({ ...openApiOptions, routes: apiRoutes }),
  ...apiDocsRoutes({ title: 'Auth Easyauth Claims' }),
];
