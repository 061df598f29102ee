import * as z from 'zod';

/** Validators a cacheable answer (200 or 304) always carries. */
export const CachingHeadersSchema = z.object({ etag: z.string(), 'cache-control': z.string() });
