import { defineRoute, httpError } from '@cookbook/http-kit';
import * as z from 'zod';

import { apimContext } from './apim-fields.js';
import {
  CATALOG_CACHE_CONTROL,
  catalogItemEtag,
  CatalogItemSchema,
  findCatalogItem,
  ITEM_ID_SEGMENT,
  ItemIdSchema,
} from './catalog.js';

const CatalogItemResponseSchema = CatalogItemSchema.extend({
  routed_by: z.string().nullable(),
  correlation_id: z.string().min(1),
  cache_status: z.enum(['hit', 'miss', 'bypass']),
});

/**
 * The recipe's `getCatalogItem`, declared the same way with http-kit: APIM context extension,
 * param validation, response check, the item's weak ETag, Cache-Control and one business line.
 */
export const catalogItemRoute = defineRoute({
  name: 'getCatalogItem',
  methods: ['GET'],
  route: `catalog/${ITEM_ID_SEGMENT}`,
  authLevel: 'function',
  context: { apim: apimContext },
  request: { params: z.object({ item_id: ItemIdSchema }) },
  responses: {
    200: { description: 'The item', schema: CatalogItemResponseSchema },
    404: { description: 'No item has this id' },
  },
  cache: { etag: (item) => catalogItemEtag(item.item_id), cacheControl: CATALOG_CACHE_CONTROL },
  handler: ({ params }, { requestContext }) => {
    const item = findCatalogItem(params.item_id);
    if (!item) throw httpError('notFound', `No catalog item has the id "${params.item_id}".`);
    const { correlationId, apim } = requestContext;
    return {
      status: 200,
      body: {
        ...item,
        routed_by: apim.routedBy,
        correlation_id: correlationId,
        cache_status: apim.cacheStatus,
      },
    };
  },
  onResponse: ({ params }, status, { requestContext }) => {
    const { logger, correlationId, apim } = requestContext;
    logger.info(
      {
        item_id: params.item_id,
        routed_by: apim.routedBy,
        correlation_id: correlationId,
        cache_status: apim.cacheStatus,
        status,
      },
      'Handled APIM backend request',
    );
  },
});
