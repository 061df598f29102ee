import {
  type AnyRoute,
  apiDocsRoutes,
  type OpenApiOptions,
  openApiRoute,
} from '@cookbook/http-kit';

import { adminOnlyEndpoint } from './functions/admin-only-endpoint.js';
import { protectedEndpoint } from './functions/protected-endpoint.js';
import { publicEndpoint } from './functions/public-endpoint.js';

/** Document metadata; `routePrefix` must match host.json. */
export const openApiOptions: OpenApiOptions = {
  info: {
    title: 'Http Auth Levels',
    version: '1.0.0',
    description:
      'Three GET endpoints, one per authLevel. The Functions host checks the key (x-functions-key header, else ?code=) before any handler runs; a missing or wrong key is 401 with an empty body.',
  },
  routePrefix: 'api',
};

/** The API routes, documented in the OpenAPI document. */
export const apiRoutes: readonly AnyRoute[] = [
  publicEndpoint,
  protectedEndpoint,
  adminOnlyEndpoint,
];

/** Everything main.ts registers: the API plus its OpenAPI document and docs page. */
export const appRoutes: readonly AnyRoute[] = [
  ...apiRoutes,
  openApiRoute({ ...openApiOptions, routes: apiRoutes }),
  ...apiDocsRoutes({ title: 'Http Auth Levels' }),
];
