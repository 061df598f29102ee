import { app } from '@azure/functions';
import { toHttpFunctionOptions } from '@cookbook/http-kit';

import { catalogItemRoute } from './catalog-item-route.js';

/** Registers the catalog route the way the recipe's main.ts registers its routes. */
export function registerCatalog(): void {
  app.http(catalogItemRoute.name, toHttpFunctionOptions(catalogItemRoute));
}
