import { randomUUID } from 'node:crypto';

import { zValidator } from '@hono/zod-validator';
import { azureHonoHandler } from '@marplex/hono-azurefunc-adapter';
import { Hono } from 'hono';
import * as z from 'zod';

import { CATALOG_CACHE_CONTROL } from '../../src/catalog/catalog-cache-control.js';
import { catalogItemEtag } from '../../src/catalog/catalog-item-etag.js';
import { findCatalogItem } from '../../src/catalog/find-catalog-item.js';
import { ItemIdSchema } from '../../src/schemas/catalog-item.js';

/** Where the bench app mounts this function; Hono routes on the full path, prefix included. */
export const HONO_ROUTE = 'hono/catalog/{item_id}';

// The idiomatic Hono version: zod-validated param and header, same body and headers; Hono does not
// check responses and has no per-invocation log context, so it does less than http-kit.
const honoApp = new Hono()
  .basePath('/api/hono')
  .get(
    '/catalog/:item_id',
    zValidator('param', z.object({ item_id: ItemIdSchema })),
    zValidator('header', z.object({ 'if-none-match': z.string().optional() })),
    (c) => {
      const { item_id: itemId } = c.req.valid('param');
      const item = findCatalogItem(itemId);
      if (item === undefined) return c.json({ status: 404, title: 'Not Found' }, 404);
      const correlationId = c.req.header('x-correlation-id') ?? randomUUID();
      const headers = {
        etag: catalogItemEtag(item),
        'cache-control': CATALOG_CACHE_CONTROL,
        'x-correlation-id': correlationId,
      };
      if (c.req.valid('header')['if-none-match'] === headers.etag)
        return c.body(null, 304, headers);
      const routedBy = c.req.header('x-apim-gateway') ?? null;
      const cacheHit = c.req.header('x-apim-cache')?.toLowerCase() === 'hit';
      return c.json(
        {
          ...item,
          routed_by: routedBy,
          correlation_id: correlationId,
          cache_status: routedBy === null ? 'bypass' : cacheHit ? 'hit' : 'miss',
        },
        200,
        headers,
      );
    },
  );

/** The Azure handler: @marplex/hono-azurefunc-adapter around the Hono app. */
export const honoCatalogItem = azureHonoHandler(honoApp.fetch);
