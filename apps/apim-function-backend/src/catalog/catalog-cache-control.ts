/** Seconds clients and APIM may reuse an item; the APIM `cache-duration` should not exceed it. */
export const CATALOG_MAX_AGE_SECONDS = 60;

/** `Cache-Control` for item answers (200 and 304): public catalog data, same for every caller. */
export const CATALOG_CACHE_CONTROL = `public, max-age=${CATALOG_MAX_AGE_SECONDS}`;
