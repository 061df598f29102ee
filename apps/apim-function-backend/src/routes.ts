import {
  type AnyRoute,
  apiDocsRoutes,
  type OpenApiOptions,
  openApiRoute,
} from '@cookbook/http-kit';

import { getCatalogHealth } from './functions/get-catalog-health.js';
import { getCatalogItem } from './functions/get-catalog-item.js';

/** Document metadata; `routePrefix` must match host.json (a test checks it). */
export const catalogOpenApiOptions: OpenApiOptions = {
  info: {
    title: 'Catalog API',
    version: '1.0.0',
    description:
      'Azure Functions backend behind Azure API Management. APIM imports this document (API URL suffix `api`).',
  },
  routePrefix: 'api',
  tags: [{ name: 'Catalog', description: 'Read-only product catalog' }],
};

/** The API routes APIM imports, documented in the OpenAPI document. */
export const catalogRoutes: readonly AnyRoute[] = [getCatalogHealth, getCatalogItem];

/** Everything main.ts registers: the API plus its (undocumented) OpenAPI and docs endpoints. */
export const appRoutes: readonly AnyRoute[] = [
  ...catalogRoutes,
  openApiRoute({ ...catalogOpenApiOptions, routes: catalogRoutes }),
  ...apiDocsRoutes({ title: 'Catalog API' }),
];
