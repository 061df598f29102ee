import { defineRoute, httpError } from '@cookbook/http-kit';

import { appDatabase } from '../db/app-database.js';
import { withDatabase } from '../db/database-errors.js';
import { itemEtag, ItemIdParamsSchema, ItemSchema } from '../items/item-schemas.js';
import { itemsRepository } from '../items/items-repository.js';
import { ITEM_ROUTE, itemErrors } from '../items/route-parts.js';

/** GET /api/items/{id} → 200 with `ETag` (304 on a matching `If-None-Match`); unknown id → 404 problem. */
export const getItem = defineRoute({
  name: 'getItem',
  methods: ['GET'],
  route: ITEM_ROUTE,
  authLevel: 'anonymous',
  summary: 'Get an item',
  tags: ['Items'],
  request: { params: ItemIdParamsSchema },
  responses: { 200: { description: 'The item', schema: ItemSchema }, ...itemErrors },
  cache: { etag: (item) => itemEtag(item), cacheControl: 'private, no-cache' },
  handler: async ({ params }) => {
    const item = await withDatabase(async () =>
      itemsRepository(await appDatabase()).get(params.id),
    );
    if (!item) throw httpError('notFound', `Item ${params.id} does not exist.`);
    return { status: 200, body: item };
  },
});
