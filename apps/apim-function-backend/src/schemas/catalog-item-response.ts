import * as z from 'zod';

import { CatalogItemSchema } from './catalog-item.js';

/** The item plus what APIM told the backend about this request. */
export const CatalogItemResponseSchema = CatalogItemSchema.extend({
  routed_by: z
    .string()
    .nullable()
    .describe('`x-apim-gateway` as set by the APIM policy; null when called directly'),
  correlation_id: z.string().min(1).describe('`x-correlation-id` from APIM, or generated'),
  cache_status: z
    .enum(['hit', 'miss', 'bypass'])
    .describe('`x-apim-cache` lowercased; `bypass` when the request did not come through APIM'),
});
export type CatalogItemResponse = z.infer<typeof CatalogItemResponseSchema>;
