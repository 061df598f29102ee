import { sanitizeId } from './correlation-id.js';
import type { CacheStatus } from './request-context.js';

/** What the APIM policy told the backend (`x-apim-gateway`, `x-apim-cache`, `x-forwarded-for`). */
export interface ApimForwarding {
  readonly routedBy: string | null;
  readonly cacheStatus: CacheStatus;
  readonly forwardedFor: readonly string[];
}

const IP_ADDRESS = /^[0-9A-Fa-f.:[\]]{2,64}$/;
const MAX_FORWARDED = 16;

const NONE: readonly string[] = Object.freeze([]);

function parseForwardedFor(value: string | null): readonly string[] {
  if (!value) return NONE;
  const entries: string[] = [];
  for (const part of value.split(',', MAX_FORWARDED)) {
    const entry = part.trim();
    if (IP_ADDRESS.test(entry)) entries.push(entry);
  }
  return entries;
}

/** Reads the APIM enrichment headers; anything malformed is dropped, never echoed. */
export function readApimForwarding(headers: Headers): ApimForwarding {
  const routedBy = sanitizeId(headers.get('x-apim-gateway')) ?? null;
  const cache = headers.get('x-apim-cache')?.trim().toLowerCase();
  let cacheStatus: CacheStatus = 'bypass';
  // A request the gateway forwarded was not served from its cache, whatever the header says.
  if (routedBy !== null) cacheStatus = cache === 'hit' ? 'hit' : 'miss';
  return { routedBy, cacheStatus, forwardedFor: parseForwardedFor(headers.get('x-forwarded-for')) };
}
