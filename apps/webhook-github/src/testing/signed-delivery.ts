import { randomUUID } from 'node:crypto';

import type { InvokeRouteOptions } from '@cookbook/http-kit/testing';

import { signPayload } from '../github-signature.js';

/** The secret unit tests configure (never a real one). */
export const TEST_SECRET = 'test-webhook-secret';

/** A delivery as GitHub sends it: exact body bytes, signed, with event and delivery headers. */
export function signedDelivery(
  event: string,
  payload: unknown,
  options: {
    secret?: string;
    delivery?: string;
    form?: boolean;
    headers?: Record<string, string>;
  } = {},
): InvokeRouteOptions {
  const json = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const body = options.form ? `payload=${encodeURIComponent(json)}` : json;
  return {
    method: 'POST',
    body,
    headers: {
      'content-type': options.form ? 'application/x-www-form-urlencoded' : 'application/json',
      'x-github-event': event,
      'x-github-delivery': options.delivery ?? randomUUID(),
      'x-hub-signature-256': signPayload(options.secret ?? TEST_SECRET, body),
      ...options.headers,
    },
  };
}
