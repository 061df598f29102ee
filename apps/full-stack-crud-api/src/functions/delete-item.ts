import { defineRoute } from '@cookbook/http-kit';

import { appDatabase } from '../db/app-database.js';
import { withDatabase } from '../db/database-errors.js';
import { writeIfMatch } from '../items/conditional-write.js';
import { ItemIdParamsSchema } from '../items/item-schemas.js';
import { itemsRepository } from '../items/items-repository.js';
import { IfMatchHeaders, ITEM_ROUTE, writeErrors } from '../items/route-parts.js';

/** DELETE /api/items/{id} with `If-Match` → 204; stale → 412. */
export const deleteItem = defineRoute({
  name: 'deleteItem',
  methods: ['DELETE'],
  route: ITEM_ROUTE,
  authLevel: 'anonymous',
  summary: 'Delete an item (If-Match required)',
  tags: ['Items'],
  request: { params: ItemIdParamsSchema, headers: IfMatchHeaders },
  responses: { 204: { description: 'Deleted' }, ...writeErrors },
  handler: async ({ params, headers }) => {
    const items = itemsRepository(await withDatabase(appDatabase));
    await withDatabase(() =>
      writeIfMatch(params.id, headers['if-match'], {
        read: () => items.get(params.id),
        write: async (version) => ((await items.delete(params.id, version)) ? true : undefined),
      }),
    );
    return { status: 204 };
  },
});
