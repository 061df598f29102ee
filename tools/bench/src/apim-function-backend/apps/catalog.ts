import { hash } from 'node:crypto';

import * as z from 'zod';

// The recipe's catalog reduced to the item the bench requests, with the same schemas, ETag and
// Cache-Control. Every variant is checked against the recipe's built bundle before timing.

/**
 * The recipe's item segment: any id but `health` (its route constraint). Every variant routes
 * through it, so the constraint's cost is in the baseline too and no row pays for it alone.
 */
export const ITEM_ID_SEGMENT = '{item_id:regex(^(?!health$))}';

/** Path-segment-safe item id, as the recipe's route accepts it. */
export const ItemIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'item_id must be 1-64 characters of A-Z, a-z, 0-9, _ or -');

/** One catalog entry, as the recipe declares it. */
export const CatalogItemSchema = z.object({
  item_id: ItemIdSchema,
  name: z.string().min(1),
  description: z.string().min(1),
  category: z.string().min(1),
  price: z.object({
    amount: z.string().regex(/^\d+\.\d{2}$/),
    currency: z.string().regex(/^[A-Z]{3}$/),
  }),
  in_stock: z.boolean(),
  updated_at: z.iso.datetime(),
});
export type CatalogItem = z.infer<typeof CatalogItemSchema>;

const items: ReadonlyMap<string, CatalogItem> = new Map([
  [
    '42',
    {
      item_id: '42',
      name: 'Towel, hitchhiker grade',
      description:
        'Quick-drying microfibre towel; the most useful thing an interstellar traveller can carry.',
      category: 'travel',
      price: { amount: '19.99', currency: 'EUR' },
      in_stock: true,
      updated_at: '2026-01-15T09:30:00Z',
    },
  ],
]);

/** The item with this id, if any. */
export function findCatalogItem(itemId: string): CatalogItem | undefined {
  return items.get(itemId);
}

const etags = new Map(
  [...items].map(([id, item]) => [id, `W/"${hash('sha256', JSON.stringify(item), 'base64url')}"`]),
);

/** The item's weak ETag (a hash of the item alone), like the recipe's. */
export function catalogItemEtag(itemId: string): string | undefined {
  return etags.get(itemId);
}

/** The recipe's `Cache-Control` for item answers. */
export const CATALOG_CACHE_CONTROL = 'public, max-age=60';
