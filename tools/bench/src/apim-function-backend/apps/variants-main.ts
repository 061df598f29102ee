import { app } from '@azure/functions';
import { toHttpFunctionOptions } from '@cookbook/http-kit';

import { bareCatalogItem } from './bare-catalog-item.js';
import { ITEM_ID_SEGMENT } from './catalog.js';
import { HONO_ROUTE, honoCatalogItem } from './hono-catalog-item.js';
import { registerCatalog } from './register-catalog.js';
import { uncheckedCatalogItem } from './unchecked-catalog-item.js';

// The catalog route without startTelemetry, plus the comparison variants of GET catalog/{item_id}.
registerCatalog();
app.http(uncheckedCatalogItem.name, toHttpFunctionOptions(uncheckedCatalogItem));

app.http('benchFloor', {
  methods: ['GET'],
  route: `floor/catalog/${ITEM_ID_SEGMENT}`,
  authLevel: 'function',
  handler: () => ({ status: 204 }),
});
app.http('benchBare', {
  methods: ['GET'],
  route: `bare/catalog/${ITEM_ID_SEGMENT}`,
  authLevel: 'function',
  handler: bareCatalogItem,
});
app.http('benchHono', {
  methods: ['GET'],
  route: HONO_ROUTE,
  authLevel: 'function',
  handler: honoCatalogItem,
});
