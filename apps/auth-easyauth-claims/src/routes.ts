import {
  type AnyRoute,
  apiDocsRoutes,
  type OpenApiOptions,
  openApiRoute,
} from '@cookbook/http-kit';

import { getAdmin } from './functions/get-admin.js';
import { getMe } from './functions/get-me.js';

/** Document metadata; `routePrefix` must match host.json. */
export const openApiOptions: OpenApiOptions = {
  info: {
    title: 'Auth EasyAuth Claims',
    version: '1.0.0',
    description:
      'App Service Authentication: the X-MS-CLIENT-PRINCIPAL header decoded safely, roles from role_typ, 401/403 problems',
  },
  routePrefix: 'api',
};

/** The API routes, documented in the OpenAPI document. */
export const apiRoutes: readonly AnyRoute[] = [getMe, getAdmin];

/** Everything main.ts registers: the API plus its OpenAPI document and docs page. */
export const appRoutes: readonly AnyRoute[] = [
  ...apiRoutes,
  openApiRoute({ ...openApiOptions, routes: apiRoutes }),
  ...apiDocsRoutes({ title: 'Auth EasyAuth Claims' }),
];
