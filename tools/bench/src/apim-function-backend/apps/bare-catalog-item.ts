import { randomUUID } from 'node:crypto';

import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import { readApimFields } from './apim-fields.js';
import { CATALOG_CACHE_CONTROL, catalogItemEtag, findCatalogItem } from './catalog.js';

/**
 * The baseline: the same 200 answer (body and headers) as the recipe's getCatalogItem, written
 * straight on @azure/functions with the same business code and none of http-kit or logging.
 */
export function bareCatalogItem(request: HttpRequest): HttpResponseInit {
  const item = findCatalogItem(request.params['item_id'] ?? '');
  if (item === undefined) return { status: 404 };
  const correlationId = request.headers.get('x-correlation-id') ?? randomUUID();
  const { routedBy, cacheStatus } = readApimFields(request.headers);
  return {
    status: 200,
    headers: {
      etag: catalogItemEtag(item.item_id) ?? '',
      'cache-control': CATALOG_CACHE_CONTROL,
      'x-correlation-id': correlationId,
    },
    jsonBody: {
      ...item,
      routed_by: routedBy,
      correlation_id: correlationId,
      cache_status: cacheStatus,
    },
  };
}
