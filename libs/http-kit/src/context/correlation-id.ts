import { randomUUID } from 'node:crypto';

/** Header that carries the correlation id in and out (APIM sets it before forwarding). */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** Fallback request header, e.g. from a client or proxy that only sets a request id. */
export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The value when it is safe to log and echo (1-128 of `[A-Za-z0-9._:-]`), else `undefined`. */
export function sanitizeId(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  return SAFE_ID.test(trimmed) ? trimmed : undefined;
}

/** Correlation id from `x-correlation-id`, then `x-request-id`; hostile or missing → new UUID. */
export function resolveCorrelationId(headers: Headers): string {
  return (
    sanitizeId(headers.get(CORRELATION_ID_HEADER)) ??
    sanitizeId(headers.get(REQUEST_ID_HEADER)) ??
    randomUUID()
  );
}
