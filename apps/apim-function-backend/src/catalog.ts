import { hash } from 'node:crypto';

import * as z from 'zod';

/** Path-segment-safe item id: what the route accepts before looking anything up. */
export const ItemIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'item_id must be 1-64 characters of A-Z, a-z, 0-9, _ or -');

/** Money as a decimal string, so no binary rounding ever reaches a client. */
export const PriceSchema = z.object({
  amount: z.string().regex(/^\d+\.\d{2}$/),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

/** One entry of the shipped catalog. */
export const CatalogItemSchema = z.object({
  item_id: ItemIdSchema,
  name: z.string().min(1),
  description: z.string().min(1),
  category: z.string().min(1),
  price: PriceSchema,
  in_stock: z.boolean(),
  updated_at: z.iso.datetime(),
});
export type CatalogItem = z.infer<typeof CatalogItemSchema>;

/** The catalog shipped with the recipe; a real backend would read a store here. */
export const catalogItems: readonly CatalogItem[] = [
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
  {
    item_id: 'apim-field-guide',
    name: 'API Management field guide',
    description: 'Pocket reference for gateway policies: JWT, quotas, caching and error handling.',
    category: 'books',
    price: { amount: '34.50', currency: 'EUR' },
    in_stock: true,
    updated_at: '2026-02-02T14:00:00Z',
  },
  {
    item_id: 'functions-mug',
    name: 'Serverless mug',
    description: 'Stoneware mug that scales to zero when empty.',
    category: 'kitchen',
    price: { amount: '12.00', currency: 'EUR' },
    in_stock: false,
    updated_at: '2026-03-10T08:15:00Z',
  },
  {
    item_id: 'cold-start_kit',
    name: 'Cold start kit',
    description: 'Thermal flask and hand warmers for the first request of the day.',
    category: 'outdoor',
    price: { amount: '27.25', currency: 'EUR' },
    in_stock: true,
    updated_at: '2026-03-28T17:45:00Z',
  },
];

const itemsById = new Map(catalogItems.map((item) => [item.item_id, item]));

/** The catalog item with this exact id, if any (ids are case-sensitive). */
export function findCatalogItem(itemId: string): CatalogItem | undefined {
  return itemsById.get(itemId);
}

// Weak: the response also carries per-request fields (correlation id, cache status) that change
// the bytes but not the resource, which is what `W/` says (RFC 9110 §8.8.1). Hashed once per item.
const etagsById = new Map(
  catalogItems.map((item) => [
    item.item_id,
    `W/"${hash('sha256', JSON.stringify(item), 'base64url')}"`,
  ]),
);

/** The ETag of a catalog item, derived from the item alone; `undefined` for an unknown id. */
export function catalogItemEtag(itemId: string): string | undefined {
  return etagsById.get(itemId);
}

/** Seconds clients and APIM may reuse an item; the APIM `cache-duration` should not exceed it. */
export const CATALOG_MAX_AGE_SECONDS = 60;

/** `Cache-Control` for item answers (200 and 304): public catalog data, same for every caller. */
export const CATALOG_CACHE_CONTROL = `public, max-age=${CATALOG_MAX_AGE_SECONDS}`;
