import type { HttpRequest } from '@azure/functions';

/** How the request reached the function, as far as APIM told it. */
export type CacheStatus = 'hit' | 'miss' | 'bypass';

/** What the APIM policy told the backend (`x-apim-gateway`, `x-apim-cache`, `x-forwarded-for`). */
export interface ApimContext {
  /** `x-apim-gateway`, or `null` when the request did not come through APIM. */
  readonly routedBy: string | null;
  /** `x-apim-cache` lowercased; `bypass` when the request did not come through APIM. */
  readonly cacheStatus: CacheStatus;
  /** IP-like `x-forwarded-for` entries, client first (APIM appends the caller's address). */
  readonly forwardedFor: readonly string[];
}

// The rule http-kit applies to correlation ids: safe to log and to echo.
const SAFE_VALUE = /^[A-Za-z0-9._:-]{1,128}$/;
const IP_ADDRESS = /^[0-9A-Fa-f.:[\]]{2,64}$/;
const MAX_FORWARDED = 16;

function parseForwardedFor(value: string | null): readonly string[] {
  if (!value) return [];
  const entries: string[] = [];
  for (const part of value.split(',', MAX_FORWARDED)) {
    const entry = part.trim();
    if (IP_ADDRESS.test(entry)) entries.push(entry);
  }
  return entries;
}

/**
 * Reads the headers the APIM policy adds before forwarding; anything malformed is dropped, never
 * echoed. A route gets it as `requestContext.apim` with `context: { apim: readApimContext }`.
 */
export function readApimContext(request: HttpRequest): ApimContext {
  const { headers } = request;
  const gateway = headers.get('x-apim-gateway')?.trim();
  const routedBy = gateway !== undefined && SAFE_VALUE.test(gateway) ? gateway : null;
  const cache = headers.get('x-apim-cache')?.trim().toLowerCase();
  let cacheStatus: CacheStatus = 'bypass';
  // A request the gateway forwarded was not served from its cache, whatever the header says.
  if (routedBy !== null) cacheStatus = cache === 'hit' ? 'hit' : 'miss';
  return { routedBy, cacheStatus, forwardedFor: parseForwardedFor(headers.get('x-forwarded-for')) };
}
