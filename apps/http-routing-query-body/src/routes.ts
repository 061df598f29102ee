import {
  type AnyRoute,
  apiDocsRoutes,
  type OpenApiOptions,
  openApiRoute,
} from '@cookbook/http-kit';

import { searchUsers } from './functions/search-users.js';
import { deleteUser, getUser, patchUser, replaceUser } from './functions/user-by-id.js';
import { createUser, listUsers } from './functions/users-collection.js';

/** Document metadata; `routePrefix` must match host.json (a test checks it). */
export const openApiOptions: OpenApiOptions = {
  info: {
    title: 'Users API',
    version: '1.0.0',
    description:
      'Routes, query strings and JSON bodies done right: validation, cursors, ETags, merge patch and problem+json. State is in memory, per instance.',
  },
  routePrefix: 'api',
  tags: [{ name: 'Users', description: 'An in-memory users resource (per instance)' }],
};

/** The API routes, documented in the OpenAPI document. */
export const apiRoutes: readonly AnyRoute[] = [
  listUsers,
  createUser,
  getUser,
  replaceUser,
  patchUser,
  deleteUser,
  searchUsers,
];

/** Everything main.ts registers: the API plus its OpenAPI document and docs page. */
export const appRoutes: readonly AnyRoute[] = [
  ...apiRoutes,
  openApiRoute({ ...openApiOptions, routes: apiRoutes }),
  ...apiDocsRoutes({ title: 'Users API' }),
];
