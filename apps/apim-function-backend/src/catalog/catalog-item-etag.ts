import { createHash } from 'node:crypto';

import type { CatalogItem } from '../schemas/catalog-item.js';

/**
 * Weak ETag of the item itself: the response also carries per-request fields (correlation id,
 * cache status) that change the bytes but not the resource, which is what `W/` says (RFC 9110 §8.8.1).
 */
export function catalogItemEtag(item: CatalogItem): string {
  return `W/"${createHash('sha256').update(JSON.stringify(item)).digest('base64url')}"`;
}
