import * as z from 'zod';

/** PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate would not survive the trip to UTF-8. */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
export const STORABLE_TEXT = /^[^\u0000\p{Cs}]*$/u;

function text(field: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, `${field} must not be blank`)
    .max(max, `${field} is at most ${max} characters`)
    .regex(STORABLE_TEXT, `${field} must not contain NUL or unpaired surrogates`);
}

/** 1–200 characters, unique among items. */
export const ItemNameSchema = text('name', 200);
/** 1–2000 characters. */
export const ItemDescriptionSchema = text('description', 2000);
/** Money as a decimal string with two places, ≥ 0, fitting NUMERIC(12,2): never a float. */
export const PriceSchema = z
  .string()
  .regex(/^(0|[1-9]\d{0,9})\.\d{2}$/, 'price is a decimal string with two places, e.g. "19.90"');

/** POST and PUT body: every field. Unknown fields (id, version, timestamps from a GET) are ignored. */
export const ItemInputSchema = z
  .object({ name: ItemNameSchema, description: ItemDescriptionSchema, price: PriceSchema })
  .meta({ id: 'ItemInput' });
export type ItemInput = z.output<typeof ItemInputSchema>;

/** PATCH body (JSON merge patch): the fields to change; `null` would remove a required field, so it is refused. */
export const ItemPatchSchema = z
  .object({
    name: ItemNameSchema.optional(),
    description: ItemDescriptionSchema.optional(),
    price: PriceSchema.optional(),
  })
  .meta({ id: 'ItemPatch' });
export type ItemPatch = z.output<typeof ItemPatchSchema>;

/** An item as the API returns it. */
export const ItemSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    price: PriceSchema,
    version: z.number().int().min(1),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'Item' });
export type Item = z.output<typeof ItemSchema>;

/** One page of items and the link to the next one (`null` on the last page). */
export const ItemPageSchema = z
  .object({ items: z.array(ItemSchema), next: z.string().nullable() })
  .meta({ id: 'ItemPage' });
export type ItemPage = z.output<typeof ItemPageSchema>;

/** `{id:int}` in the route: Azure only routes 32-bit integers here. */
export const ItemIdParamsSchema = z.object({
  id: z.coerce.number().int().min(-2_147_483_648).max(2_147_483_647),
});

/** The strong ETag of an item: its id and row version, so it changes on every write. */
export function itemEtag(item: Pick<Item, 'id' | 'version'>): string {
  return `"${item.id}.${item.version}"`;
}
