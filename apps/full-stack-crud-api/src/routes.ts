import {
  type AnyRoute,
  apiDocsRoutes,
  type OpenApiOptions,
  openApiRoute,
} from '@cookbook/http-kit';

import { createItem } from './functions/create-item.js';
import { deleteItem } from './functions/delete-item.js';
import { getItem } from './functions/get-item.js';
import { listItems } from './functions/list-items.js';
import { patchItem } from './functions/patch-item.js';
import { replaceItem } from './functions/replace-item.js';

/** Document metadata; `routePrefix` must match host.json. */
export const openApiOptions: OpenApiOptions = {
  info: {
    title: 'Full Stack Crud Api',
    version: '1.0.0',
    description:
      'Items on PostgreSQL: keyset pagination, ETags with If-Match, and 409/412/503 problems.',
  },
  routePrefix: 'api',
};

/** The API routes, documented in the OpenAPI document. */
export const apiRoutes: readonly AnyRoute[] = [
  listItems,
  createItem,
  getItem,
  replaceItem,
  patchItem,
  deleteItem,
];

/** Everything main.ts registers: the API plus its OpenAPI document and docs page. */
export const appRoutes: readonly AnyRoute[] = [
  ...apiRoutes,
  openApiRoute({ ...openApiOptions, routes: apiRoutes }),
  ...apiDocsRoutes({ title: 'Full Stack Crud Api' }),
];
