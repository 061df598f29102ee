import type { HttpRequest } from '@azure/functions';
import { defineRoute, httpError } from '@cookbook/http-kit';
import * as z from 'zod';

import { deliveryStore } from '../delivery-store.js';
import { decodePayload, isHandledEvent, summarizeEvent } from '../github-events.js';
import { readSignature, verifySignature } from '../github-signature.js';

/** GitHub caps webhook payloads at 25 MB and does not deliver larger ones. */
export const GITHUB_PAYLOAD_CAP_BYTES = 25 * 1024 * 1024;

const Ping = z.object({
  event: z.literal('ping'),
  hook_id: z.number().nullable(),
  zen: z.string(),
});
const Push = z.object({
  event: z.literal('push'),
  repository: z.string(),
  ref: z.string(),
  commits: z.number(),
  message: z.string(),
});
const Numbered = z.object({
  event: z.enum(['pull_request', 'issues']),
  action: z.string(),
  number: z.number().nullable(),
  title: z.string(),
  message: z.string(),
});
const Duplicate = z.object({ duplicate: z.literal(true), event: z.string(), delivery: z.string() });
export const HandledSchema = z
  .union([Duplicate, Ping, Push, Numbered])
  .meta({ id: 'WebhookHandled' });
export const UnhandledSchema = z
  .object({ event: z.string(), message: z.string() })
  .meta({ id: 'WebhookUnhandled' });

/** POST /api/github/webhook: signed by GitHub (HMAC), processed once per X-GitHub-Delivery. */
export const githubWebhook = defineRoute({
  name: 'githubWebhook',
  methods: ['POST'],
  route: 'github/webhook',
  authLevel: 'anonymous', // GitHub sends no function key: the HMAC signature is the protection
  summary: 'Receives a GitHub webhook delivery',
  description:
    'Signed with X-Hub-Signature-256 over the raw body (application/json or form payload=). ' +
    'ping, push, pull_request and issues are summarized; other events get 202. ' +
    'A delivery id seen within 24 hours answers {duplicate: true} and is not processed again.',
  tags: ['GitHub'],
  // Secret configured and header well-formed, before a byte of the body is read.
  context: { signature: (request: HttpRequest) => readSignature(request) },
  bodyLimitBytes: GITHUB_PAYLOAD_CAP_BYTES,
  rawBody: {
    verify: (body, { requestContext }) => verifySignature(body, requestContext.signature),
  },
  request: {
    headers: z.object({
      'x-github-event': z.string().regex(/^[a-z0-9_]{1,100}$/, 'a GitHub event name'),
      'x-github-delivery': z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'a delivery GUID'),
    }),
  },
  responses: {
    200: {
      description: 'Processed (a summary), or a redelivery: {duplicate: true}',
      schema: HandledSchema,
    },
    202: { description: 'Received; no handler for this event', schema: UnhandledSchema },
    400: { description: 'Body is not UTF-8 JSON (or form payload= JSON)' },
    401: { description: 'X-Hub-Signature-256 missing or not matching' },
    413: { description: 'Body over the 25 MB cap of GitHub' },
    415: { description: 'Neither application/json nor application/x-www-form-urlencoded' },
    422: { description: 'Headers missing, or a payload shape wrong for its event' },
    500: { description: 'No GITHUB_WEBHOOK_SECRET configured' },
    503: { description: 'The delivery store is unreachable; redeliver later' },
  },
  handler: async ({ headers }, { request, rawBody = new Uint8Array(), requestContext }) => {
    const event = headers['x-github-event'];
    const delivery = headers['x-github-delivery'];
    const payload = decodePayload(rawBody, request.headers.get('content-type'));
    // The shape is checked before the claim, so a 422 does not use up the delivery id.
    const summary = isHandledEvent(event) ? summarizeEvent(event, payload) : undefined;
    let claim;
    try {
      claim = await deliveryStore().claim(delivery, event);
    } catch (error) {
      throw httpError('serviceUnavailable', 'The delivery store is unavailable; redeliver later.', {
        cause: error,
      });
    }
    const outcome = claim === 'duplicate' ? 'duplicate' : summary ? 'processed' : 'no-handler';
    requestContext.logger.info({ event, delivery, outcome }, 'github delivery');
    if (claim === 'duplicate') return { status: 200, body: { duplicate: true, event, delivery } };
    // Side effects of processing go here, after the claim (and `store.release` if they fail).
    if (summary) return { status: 200, body: summary };
    return {
      status: 202,
      body: { event, message: 'Event received but no handler is defined for it.' },
    };
  },
});
