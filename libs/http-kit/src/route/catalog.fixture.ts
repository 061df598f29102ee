import * as z from 'zod';

import { httpError } from '../errors/http-problem.js';
import { defineRoute } from './define-route.js';

export const CatalogItemSchema = z
  .object({
    item_id: z.string(),
    name: z.string(),
    price: z.number().nonnegative(),
    tags: z.array(z.string()),
  })
  .meta({ id: 'CatalogItem' });

const items = new Map([
  ['42', { item_id: '42', name: 'Answer', price: 4.2, tags: ['classic'] }],
  ['7', { item_id: '7', name: 'Lucky', price: 7, tags: [] }],
]);

/** A GET route with params, array query, header and caching. */
export const getCatalogItem = defineRoute({
  name: 'getCatalogItem',
  methods: ['GET'],
  route: 'catalog/{item_id}',
  authLevel: 'function',
  summary: 'Get a catalog item',
  tags: ['Catalog'],
  request: {
    params: z.object({ item_id: z.string().regex(/^\d{1,9}$/, 'Expected 1-9 digits') }),
    query: z.object({
      fields: z.array(z.enum(['name', 'price', 'tags'])).optional(),
      limit: z.coerce.number().int().min(1).max(100).optional(),
    }),
    headers: z.object({ 'accept-language': z.string().max(64).optional() }),
  },
  responses: {
    200: { description: 'The item', schema: CatalogItemSchema },
    404: { description: 'No such item' },
  },
  cache: { etag: true, cacheControl: 'public, max-age=60' },
  handler: ({ params }) => {
    const item = items.get(params.item_id);
    if (!item) throw httpError('notFound', `Catalog item ${params.item_id} does not exist.`);
    return { status: 200, body: item };
  },
});

export const CreateItemSchema = z
  .object({
    name: z.string().min(1).max(100),
    price: z.number().nonnegative(),
    tags: z.array(z.string()).default([]),
  })
  .meta({ id: 'CreateItem' });

/** A POST route with a JSON body and a response header. */
export const createCatalogItem = defineRoute({
  name: 'createCatalogItem',
  methods: ['POST'],
  route: 'catalog',
  authLevel: 'function',
  summary: 'Create a catalog item',
  tags: ['Catalog'],
  request: { body: CreateItemSchema },
  responses: {
    201: {
      description: 'Created',
      schema: CatalogItemSchema,
      headers: z.object({ location: z.string() }),
    },
  },
  bodyLimitBytes: 1024,
  handler: ({ body }) => {
    const item = { item_id: '100', ...body };
    return { status: 201, body: item, headers: { location: `/api/catalog/${item.item_id}` } };
  },
});
