import type { CatalogItem } from '../schemas/catalog-item.js';
import { catalogItems } from './catalog-items.js';

const itemsById = new Map(catalogItems.map((item) => [item.item_id, item]));

/** The catalog item with this exact id, if any (ids are case-sensitive). */
export function findCatalogItem(itemId: string): CatalogItem | undefined {
  return itemsById.get(itemId);
}
