import { type AnyRoute, defineRoute } from '@cookbook/http-kit';
import * as z from 'zod';

import { ITEM_ID_SEGMENT } from './catalog.js';
import { catalogItemRoute } from './catalog-item-route.js';

type AnyRouteConfig = Parameters<typeof defineRoute<string>>[0];

/**
 * The catalog route with its 200 body schema replaced by `z.unknown()`: the whole stack except
 * the response-body check, to price that check on its own.
 */
export const uncheckedCatalogItem: AnyRoute = defineRoute({
  ...catalogItemRoute,
  name: 'benchKitUnchecked',
  route: `unchecked/catalog/${ITEM_ID_SEGMENT}`,
  responses: {
    ...catalogItemRoute.responses,
    200: { ...catalogItemRoute.responses[200], schema: z.unknown() },
  },
  // The handler stays typed against the route's schema; only what is checked at run time changes.
} as unknown as AnyRouteConfig);
