import {
  defineRoute,
  httpError,
  MERGE_PATCH_CONTENT_TYPE,
  requireMediaType,
} from '@cookbook/http-kit';

import { appDatabase } from '../db/app-database.js';
import { isUniqueViolation, withDatabase } from '../db/database-errors.js';
import { writeIfMatch } from '../items/conditional-write.js';
import { itemEtag, ItemIdParamsSchema, ItemPatchSchema } from '../items/item-schemas.js';
import { itemsRepository } from '../items/items-repository.js';
import { IfMatchHeaders, ITEM_ROUTE, itemResponse, writeErrors } from '../items/route-parts.js';

/** PATCH /api/items/{id} (JSON merge patch, `If-Match`) → 200 and the new `ETag`. */
export const patchItem = defineRoute({
  name: 'patchItem',
  methods: ['PATCH'],
  route: ITEM_ROUTE,
  authLevel: 'anonymous',
  summary: 'Change some fields of an item (JSON merge patch, If-Match required)',
  tags: ['Items'],
  context: { mediaType: requireMediaType(MERGE_PATCH_CONTENT_TYPE) },
  request: { params: ItemIdParamsSchema, headers: IfMatchHeaders, body: ItemPatchSchema },
  responses: {
    200: itemResponse('The item as stored'),
    ...writeErrors,
    409: { description: 'Another item already has this name' },
  },
  handler: async ({ params, headers, body }) => {
    const items = itemsRepository(await withDatabase(appDatabase));
    const item = await withDatabase(() =>
      writeIfMatch(params.id, headers['if-match'], {
        read: () => items.get(params.id),
        write: (version) =>
          items.update(params.id, version, body).catch((error: unknown) => {
            if (isUniqueViolation(error))
              throw httpError('conflict', `An item named "${body.name ?? ''}" already exists.`);
            throw error;
          }),
      }),
    );
    return { status: 200, body: item, headers: { etag: itemEtag(item) } };
  },
});
