import * as z from 'zod';

import { ItemSchema } from './item-schemas.js';

/** Route template of one item; `int` makes the host answer 404 for any other id before the function runs. */
export const ITEM_ROUTE = 'items/{id:int}';

/** `If-Match` as a conditional write declares it (checked by `checkIfMatch`, so a bad value is 400 not 422). */
export const IfMatchHeaders = z.object({ 'if-match': z.string().max(1024).optional() });

/** A 200/201 with the item and its ETag. */
export const itemResponse = (description: string) => ({
  description,
  schema: ItemSchema,
  headers: z.object({ etag: z.string() }),
});

/** The error answers every item route can give besides validation. */
export const itemErrors = {
  404: { description: 'No item has this id' },
  503: { description: 'The database is unreachable; retry after Retry-After seconds' },
} as const;

/** The extra error answers of a conditional write. */
export const writeErrors = {
  ...itemErrors,
  400: { description: 'If-Match is not a list of entity tags' },
  412: { description: 'If-Match does not match the current ETag (someone else changed the item)' },
  428: { description: 'If-Match is missing' },
} as const;
