import { defineRoute } from '@cookbook/http-kit';
import * as z from 'zod';

import { appDatabase } from '../db/app-database.js';
import { withDatabase } from '../db/database-errors.js';
import { ItemPageSchema, STORABLE_TEXT } from '../items/item-schemas.js';
import { itemsRepository } from '../items/items-repository.js';
import { decodeCursor, encodeCursor } from '../items/list-cursor.js';

const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  after: z
    .string()
    .max(64)
    .transform((cursor, ctx) => {
      const id = decodeCursor(cursor);
      if (id === undefined) {
        ctx.addIssue({ code: 'custom', message: 'after must be the cursor of a next link' });
        return z.NEVER;
      }
      return id;
    })
    .optional(),
  name_prefix: z
    .string()
    .min(1)
    .max(200)
    .regex(STORABLE_TEXT, 'name_prefix must not contain NUL or unpaired surrogates')
    .optional(),
});

/** GET /api/items?limit=&after=&name_prefix= → one page in id order and the `next` link (keyset pagination). */
export const listItems = defineRoute({
  name: 'listItems',
  methods: ['GET'],
  route: 'items',
  authLevel: 'anonymous',
  summary: 'List items, a page at a time',
  tags: ['Items'],
  request: { query: ListQuerySchema },
  responses: {
    200: { description: 'A page of items and the link to the next page', schema: ItemPageSchema },
    503: { description: 'The database is unreachable; retry after Retry-After seconds' },
  },
  cache: { etag: true, cacheControl: 'private, no-cache' },
  handler: async ({ query }) => {
    const { limit, after, name_prefix: namePrefix } = query;
    const page = await withDatabase(async () =>
      itemsRepository(await appDatabase()).list({ limit, afterId: after, namePrefix }),
    );
    const last = page.items.at(-1);
    let next: string | null = null;
    if (page.more && last) {
      const params = new URLSearchParams({ limit: String(limit), after: encodeCursor(last.id) });
      if (namePrefix !== undefined) params.set('name_prefix', namePrefix);
      next = `/api/items?${params.toString()}`;
    }
    return { status: 200, body: { items: page.items, next } };
  },
});
