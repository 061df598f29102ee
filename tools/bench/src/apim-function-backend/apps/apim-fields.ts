import type { HttpRequest } from '@azure/functions';

const SAFE_VALUE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The body fields the recipe derives from the APIM headers, read the way the recipe reads them. */
export interface ApimFields {
  routedBy: string | null;
  cacheStatus: 'hit' | 'miss' | 'bypass';
}

/** `x-apim-gateway` (safe values only) and `x-apim-cache`; `bypass` when not through APIM. */
export function readApimFields(headers: Pick<Headers, 'get'>): ApimFields {
  const gateway = headers.get('x-apim-gateway')?.trim();
  const routedBy = gateway !== undefined && SAFE_VALUE.test(gateway) ? gateway : null;
  if (routedBy === null) return { routedBy, cacheStatus: 'bypass' };
  const hit = headers.get('x-apim-cache')?.trim().toLowerCase() === 'hit';
  return { routedBy, cacheStatus: hit ? 'hit' : 'miss' };
}

/** The same, as an http-kit context extension. */
export const apimContext = (request: HttpRequest): ApimFields => readApimFields(request.headers);
