import { defineRoute, etagMatches, httpError } from '@cookbook/http-kit';
import * as z from 'zod';

import { logHandledRequest } from '../apim/log-handled-request.js';
import { readApimContext } from '../apim-context.js';
import { CATALOG_CACHE_CONTROL } from '../catalog/catalog-cache-control.js';
import { catalogItemEtag } from '../catalog/catalog-item-etag.js';
import { findCatalogItem } from '../catalog/find-catalog-item.js';
import { CachingHeadersSchema } from '../schemas/caching-headers.js';
import { ItemIdSchema } from '../schemas/catalog-item.js';
import { CatalogItemResponseSchema } from '../schemas/catalog-item-response.js';

// Azure orders routes by function name, not specificity (host#3153): the constraint (any value
// but exactly "health", case-insensitive) keeps `catalog/health` out of this template.
export const CATALOG_ITEM_ROUTE = 'catalog/{item_id:regex(^(?!health$))}';

export const getCatalogItem = defineRoute({
  name: 'getCatalogItem',
  methods: ['GET'],
  route: CATALOG_ITEM_ROUTE,
  authLevel: 'function',
  summary: 'Get a catalog item',
  description:
    'APIM backend: returns the item plus the correlation id and cache status APIM forwarded.',
  tags: ['Catalog'],
  context: { apim: readApimContext },
  request: {
    params: z.object({ item_id: ItemIdSchema }),
    headers: z.object({ 'if-none-match': z.string().optional() }),
  },
  responses: {
    200: {
      description: 'The item and the APIM context of this request',
      schema: CatalogItemResponseSchema,
      headers: CachingHeadersSchema,
    },
    304: {
      description: 'The cached copy named by If-None-Match is current',
      headers: CachingHeadersSchema,
    },
    404: { description: 'No item has this id' },
    422: { description: 'item_id is not 1-64 characters of A-Z, a-z, 0-9, _ or -' },
  },
  handler: ({ params, headers }, { requestContext }) => {
    const item = findCatalogItem(params.item_id);
    const etag = item && catalogItemEtag(item);
    const notModified = etag !== undefined && etagMatches(headers['if-none-match'], etag);
    logHandledRequest(params.item_id, requestContext, !item ? 404 : notModified ? 304 : 200);
    if (!item || etag === undefined) {
      throw httpError('notFound', `No catalog item has the id "${params.item_id}".`);
    }
    const caching = { etag, 'cache-control': CATALOG_CACHE_CONTROL };
    if (notModified) return { status: 304, headers: caching };
    const { correlationId, apim } = requestContext;
    return {
      status: 200,
      headers: caching,
      body: {
        ...item,
        routed_by: apim.routedBy,
        correlation_id: correlationId,
        cache_status: apim.cacheStatus,
      },
    };
  },
});
