import { randomUUID } from 'node:crypto';

import { zValidator } from '@hono/zod-validator';
import { azureHonoHandler } from '@marplex/hono-azurefunc-adapter';
import { Hono } from 'hono';
import * as z from 'zod';

import { readApimFields } from './apim-fields.js';
import {
  CATALOG_CACHE_CONTROL,
  catalogItemEtag,
  findCatalogItem,
  ITEM_ID_SEGMENT,
  ItemIdSchema,
} from './catalog.js';

/** Where the bench app mounts this function; Hono routes on the full path, prefix included. */
export const HONO_ROUTE = `hono/catalog/${ITEM_ID_SEGMENT}`;

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
        etag: catalogItemEtag(item.item_id) ?? '',
        'cache-control': CATALOG_CACHE_CONTROL,
        'x-correlation-id': correlationId,
      };
      if (c.req.valid('header')['if-none-match'] === headers.etag)
        return c.body(null, 304, headers);
      const { routedBy, cacheStatus } = readApimFields(c.req.raw.headers);
      return c.json(
        {
          ...item,
          routed_by: routedBy,
          correlation_id: correlationId,
          cache_status: cacheStatus,
        },
        200,
        headers,
      );
    },
  );

/** The Azure handler: @marplex/hono-azurefunc-adapter around the Hono app. */
export const honoCatalogItem = azureHonoHandler(honoApp.fetch);
