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
