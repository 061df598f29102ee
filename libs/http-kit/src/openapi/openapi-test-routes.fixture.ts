import * as z from 'zod';

import { createCatalogItem, getCatalogItem } from '../route/catalog.fixture.js';
import { defineRoute } from '../route/define-route.js';
import type { AnyRoute } from '../route/route-types.js';
import { apiDocsRoutes } from './api-docs-routes.js';

/** Anonymous, several methods, optional and constrained template parameters. */
export const listProducts = defineRoute({
  name: 'listProducts',
  methods: ['GET', 'HEAD'],
  route: 'products/{category:alpha}/{page:int?}',
  authLevel: 'anonymous',
  summary: 'List products of a category',
  tags: ['Products'],
  request: {
    query: z.object({
      sort: z.enum(['name', 'price']).default('name').describe('Sort order'),
      tag: z.array(z.string().max(20)).max(5).optional(),
    }),
  },
  responses: {
    200: {
      description: 'Products',
      schema: z.object({
        items: z.array(z.object({ name: z.string() })),
        next: z.string().nullable(),
      }),
    },
  },
  handler: () => ({ status: 200, body: { items: [], next: null } }),
});

/** Routes the document snapshot covers; docs routes are hidden and must not appear. */
export const documentedRoutes: readonly AnyRoute[] = [
  getCatalogItem,
  createCatalogItem,
  listProducts,
  ...apiDocsRoutes(),
];
