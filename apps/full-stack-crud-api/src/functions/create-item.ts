import { defineRoute, httpError } from '@cookbook/http-kit';
import * as z from 'zod';

import { appDatabase } from '../db/app-database.js';
import { isUniqueViolation, withDatabase } from '../db/database-errors.js';
import { itemEtag, ItemInputSchema, ItemSchema } from '../items/item-schemas.js';
import { itemsRepository } from '../items/items-repository.js';

/** POST /api/items → 201 with `Location` and `ETag`; a taken name → 409. */
export const createItem = defineRoute({
  name: 'createItem',
  methods: ['POST'],
  route: 'items',
  authLevel: 'anonymous',
  summary: 'Create an item',
  tags: ['Items'],
  request: { body: ItemInputSchema },
  responses: {
    201: {
      description: 'The new item',
      schema: ItemSchema,
      headers: z.object({ location: z.string(), etag: z.string() }),
    },
    409: { description: 'Another item already has this name' },
    503: { description: 'The database is unreachable; retry after Retry-After seconds' },
  },
  handler: async ({ body }) => {
    const item = await withDatabase(async () => {
      try {
        return await itemsRepository(await appDatabase()).create(body);
      } catch (error) {
        if (isUniqueViolation(error))
          throw httpError('conflict', `An item named "${body.name}" already exists.`);
        throw error;
      }
    });
    return {
      status: 201,
      body: item,
      headers: { location: `/api/items/${item.id}`, etag: itemEtag(item) },
    };
  },
});
