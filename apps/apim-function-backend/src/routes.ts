import { type AnyRoute, apiDocsRoutes, openApiRoute } from '@cookbook/http-kit';

import { getCatalogHealth } from './functions/get-catalog-health.js';
import { getCatalogItem } from './functions/get-catalog-item.js';
import { catalogOpenApiOptions } from './openapi-options.js';

/** The API routes APIM imports, documented in the OpenAPI document. */
export const catalogRoutes: readonly AnyRoute[] = [getCatalogHealth, getCatalogItem];

/** Everything main.ts registers: the API plus its (undocumented) OpenAPI and docs endpoints. */
export const appRoutes: readonly AnyRoute[] = [
  ...catalogRoutes,
  openApiRoute({ ...catalogOpenApiOptions, routes: catalogRoutes }),
  ...apiDocsRoutes({ title: 'Catalog API' }),
];
