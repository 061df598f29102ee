import { defineRoute, httpError } from '@cookbook/http-kit';
import * as z from 'zod';

// A route like the ones recipes write: params, an array query, a header, an ETag and a 404.
const CatalogItemSchema = z.object({
  item_id: z.string(),
  name: z.string(),
  price: z.number().nonnegative(),
  tags: z.array(z.string()),
});

/** The items the route and the hand-written handler serve. */
export const items: ReadonlyMap<string, z.infer<typeof CatalogItemSchema>> = new Map([
  ['42', { item_id: '42', name: 'Answer', price: 4.2, tags: ['classic'] }],
]);

/** `GET catalog/{item_id}` declared with http-kit: validation, checks, ETag, one log scope. */
export const getCatalogItem = defineRoute({
  name: 'getCatalogItem',
  methods: ['GET'],
  route: 'catalog/{item_id}',
  authLevel: 'function',
  request: {
    params: z.object({ item_id: z.string().regex(/^\d{1,9}$/, 'Expected 1-9 digits') }),
    query: z.object({ fields: z.array(z.enum(['name', 'price', 'tags'])).optional() }),
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
