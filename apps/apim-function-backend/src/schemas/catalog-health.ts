import * as z from 'zod';

/** Liveness answer of the backend, deliberately free of dependencies. */
export const CatalogHealthSchema = z.object({
  status: z.literal('ok'),
  backend: z.literal('functions'),
});
export type CatalogHealth = z.infer<typeof CatalogHealthSchema>;
