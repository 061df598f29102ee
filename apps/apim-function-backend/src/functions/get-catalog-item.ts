import { defineRoute, httpError } from '@cookbook/http-kit';
import * as z from 'zod';

import { readApimContext } from '../apim-context.js';
import {
  CATALOG_CACHE_CONTROL,
  catalogItemEtag,
  CatalogItemSchema,
  findCatalogItem,
  ItemIdSchema,
} from '../catalog.js';

// Azure orders routes by function name, not specificity (host#3153): the constraint (any value
// but exactly "health", case-insensitive) keeps `catalog/health` out of this template.
export const CATALOG_ITEM_ROUTE = 'catalog/{item_id:regex(^(?!health$))}';

/** The item plus what APIM told the backend about this request. */
export const CatalogItemResponseSchema = CatalogItemSchema.extend({
  routed_by: z
    .string()
    .nullable()
    .describe('`x-apim-gateway` as set by the APIM policy; null when called directly'),
  correlation_id: z.string().min(1).describe('`x-correlation-id` from APIM, or generated'),
  cache_status: z
    .enum(['hit', 'miss', 'bypass'])
    .describe('`x-apim-cache` lowercased; `bypass` when the request did not come through APIM'),
});
export type CatalogItemResponse = z.infer<typeof CatalogItemResponseSchema>;

export const getCatalogItem = defineRoute({
  name: 'getCatalogItem',
  methods: ['GET'],
  route: CATALOG_ITEM_ROUTE,
  authLevel: 'function',
  summary: 'Get a catalog item',
  description:
    'APIM backend: returns the item plus the correlation id and cache status APIM forwarded.',
  tags: ['Catalog'],
  // What the APIM policy forwarded, typed, as `requestContext.apim`.
  context: { apim: readApimContext },
  request: { params: z.object({ item_id: ItemIdSchema }) },
  responses: {
    200: {
      description: 'The item and the APIM context of this request',
      schema: CatalogItemResponseSchema,
    },
    404: { description: 'No item has this id' },
    422: { description: 'item_id is not 1-64 characters of A-Z, a-z, 0-9, _ or -' },
  },
  // The ETag names the item, not the bytes (those carry per-request fields); a match is a 304.
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
  // The recipe's one business line, with the seed's field names and the final status (304
  // included); ids and the trace id come from the invocation's log context.
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
