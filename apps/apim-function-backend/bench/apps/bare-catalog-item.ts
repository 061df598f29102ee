import { randomUUID } from 'node:crypto';

import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import { CATALOG_CACHE_CONTROL } from '../../src/catalog/catalog-cache-control.js';
import { catalogItemEtag } from '../../src/catalog/catalog-item-etag.js';
import { findCatalogItem } from '../../src/catalog/find-catalog-item.js';

/**
 * The baseline: the same 200 answer (body and headers) as the recipe's getCatalogItem, written
 * straight on @azure/functions with the same business code and none of http-kit or logging.
 */
export function bareCatalogItem(request: HttpRequest): HttpResponseInit {
  const item = findCatalogItem(request.params['item_id'] ?? '');
  if (item === undefined) return { status: 404 };
  const correlationId = request.headers.get('x-correlation-id') ?? randomUUID();
  const routedBy = request.headers.get('x-apim-gateway');
  const cacheHit = request.headers.get('x-apim-cache')?.toLowerCase() === 'hit';
  return {
    status: 200,
    headers: {
      etag: catalogItemEtag(item),
      'cache-control': CATALOG_CACHE_CONTROL,
      'x-correlation-id': correlationId,
    },
    jsonBody: {
      ...item,
      routed_by: routedBy,
      correlation_id: correlationId,
      cache_status: routedBy === null ? 'bypass' : cacheHit ? 'hit' : 'miss',
    },
  };
}
