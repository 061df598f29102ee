import { randomUUID } from 'node:crypto';

import { invokeRoute, type InvokeRouteResult } from '@cookbook/http-kit/testing';
import { type CapturedLogs, captureLogs } from '@cookbook/logging/testing';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { SECRET_SETTING, signPayload } from '../github-signature.js';
import { TEST_SECRET } from '../testing/signed-delivery.js';
import { useAzurite } from '../testing/use-azurite.js';
import { githubWebhook } from './github-webhook.js';

useAzurite();

const RUNS = { numRuns: 40 };
let logs: CapturedLogs;
beforeEach(() => {
  process.env[SECRET_SETTING] = TEST_SECRET;
  logs = captureLogs();
});
afterEach(() => {
  logs.restore();
  delete process.env[SECRET_SETTING];
});

/** What every answer must satisfy: a 2xx or 4xx, no stack trace, nothing secret in the logs. */
function expectSafe(response: InvokeRouteResult, allowed: readonly number[], secrets: string[]) {
  expect(allowed).toContain(response.status);
  expect(response.body).not.toMatch(/\n\s+at |Error:|node_modules/);
  const written = logs.lines.join('\n') + response.logs.map((entry) => entry.message).join('\n');
  for (const secret of [TEST_SECRET, ...secrets]) expect(written).not.toContain(secret);
}

const event = fc.constantFrom('ping', 'push', 'pull_request', 'issues', 'star', 'workflow_run');
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/xml',
);

function deliver(name: string, body: Uint8Array | string, type: string, signature?: string) {
  return invokeRoute(githubWebhook, {
    method: 'POST',
    body,
    headers: {
      'content-type': type,
      'x-github-event': name,
      'x-github-delivery': randomUUID(),
      'x-hub-signature-256': signature ?? signPayload(TEST_SECRET, body),
    },
  });
}

describe('POST /api/github/webhook properties (no 500, no stack, no secret in logs)', () => {
  it('body surface: any signed bytes under any content type get a 2xx or a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        event,
        contentType,
        fc.uint8Array({ maxLength: 300 }),
        async (name, type, body) => {
          const response = await deliver(name, body, type);
          expectSafe(
            response,
            [200, 202, 400, 415, 422],
            [signPayload(TEST_SECRET, body).slice(7)],
          );
        },
      ),
      RUNS,
    );
  });

  it('payload surface: any signed JSON value, as JSON or as form payload=, gets 200, 202 or 422', async () => {
    const jsonValue = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          commits: fc.jsonValue(),
          repository: fc.jsonValue(),
          pull_request: fc.jsonValue(),
          issue: fc.jsonValue(),
          number: fc.jsonValue(),
          hook_id: fc.jsonValue(),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(event, jsonValue, fc.boolean(), async (name, value, form) => {
        const json = JSON.stringify(value);
        const body = form ? `payload=${encodeURIComponent(json)}` : json;
        const type = form ? 'application/x-www-form-urlencoded' : 'application/json';
        const response = await deliver(name, body, type);
        expectSafe(response, [200, 202, 422], [signPayload(TEST_SECRET, body).slice(7)]);
      }),
      RUNS,
    );
  });

  it('signature surface: any header value that is not the body’s HMAC gets 401', async () => {
    const body = '{"zen":"Design for failure."}';
    const valid = signPayload(TEST_SECRET, body);
    const header = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.stringMatching(/^sha256=[0-9a-f]{64}$/),
      fc.string({ maxLength: 64 }).map((secret) => signPayload(secret, body)),
    );
    await fc.assert(
      fc.asyncProperty(
        header.filter((value) => value.toLowerCase() !== valid),
        async (signature) => {
          const response = await deliver('ping', body, 'application/json', signature);
          expectSafe(response, [401], [valid.slice(7)]);
        },
      ),
      RUNS,
    );
  });

  it('header surface: any X-GitHub-Event and X-GitHub-Delivery get a 2xx or a 422', async () => {
    const body = '{}';
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 120 }),
        fc.string({ maxLength: 120 }),
        async (name, delivery) => {
          const response = await invokeRoute(githubWebhook, {
            method: 'POST',
            body,
            headers: {
              'content-type': 'application/json',
              'x-github-event': name,
              'x-github-delivery': delivery,
              'x-hub-signature-256': signPayload(TEST_SECRET, body),
            },
          });
          expectSafe(response, [200, 202, 422], []);
        },
      ),
      RUNS,
    );
  });
});
