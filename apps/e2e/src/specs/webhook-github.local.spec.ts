import { createHmac, randomUUID } from 'node:crypto';

import type { APIRequestContext } from '@playwright/test';

import { expect, test } from '../fixtures.js';
import { localHostUrl, recipes } from '../support/local-recipes.js';

// GitHub calls the function app directly (anonymous at the host); the HMAC signature protects it.
const url = `${localHostUrl('webhook-github')}/api/github/webhook`;
const secret =
  recipes.find((recipe) => recipe.name === 'webhook-github')?.metadata.local.env[
    'GITHUB_WEBHOOK_SECRET'
  ] ?? '';

const sign = (body: string | Buffer): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function deliver(
  client: APIRequestContext,
  event: string,
  body: string,
  options: { delivery?: string; type?: string; signature?: string } = {},
) {
  return client.post(url, {
    data: body,
    headers: {
      'content-type': options.type ?? 'application/json',
      'x-github-event': event,
      'x-github-delivery': options.delivery ?? randomUUID(),
      'x-hub-signature-256': options.signature ?? sign(body),
    },
  });
}

const push = JSON.stringify({
  ref: 'refs/heads/main',
  repository: { full_name: 'octo-org/octo-repo' },
  commits: [{ id: 'a' }, { id: 'b' }],
});
const pushSummary = {
  event: 'push',
  repository: 'octo-org/octo-repo',
  ref: 'refs/heads/main',
  commits: 2,
  message: 'Processed push with 2 commit(s).',
};

test('a signed ping answers with its zen and hook id', async ({ anonymous }) => {
  const body = JSON.stringify({ zen: 'Design for failure.', hook_id: 7 });
  const response = await deliver(anonymous, 'ping', body);
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ event: 'ping', hook_id: 7, zen: 'Design for failure.' });
});

test('a signed push is summarized, as JSON and form-encoded (payload=)', async ({ anonymous }) => {
  expect(await (await deliver(anonymous, 'push', push)).json()).toEqual(pushSummary);
  const form = `payload=${encodeURIComponent(push)}`;
  const response = await deliver(anonymous, 'push', form, {
    type: 'application/x-www-form-urlencoded',
  });
  expect(await response.json()).toEqual(pushSummary);
});

test('a redelivery is answered {duplicate: true} (Table Storage in Azurite)', async ({
  anonymous,
}) => {
  const delivery = randomUUID();
  expect((await deliver(anonymous, 'push', push, { delivery })).status()).toBe(200);
  const again = await deliver(anonymous, 'push', push, { delivery });
  expect(again.status()).toBe(200);
  expect(await again.json()).toEqual({ duplicate: true, event: 'push', delivery });
});

test('two concurrent requests with one delivery id: one processed, one duplicate', async ({
  anonymous,
}) => {
  const delivery = randomUUID();
  const responses = await Promise.all([
    deliver(anonymous, 'push', push, { delivery }),
    deliver(anonymous, 'push', push, { delivery }),
  ]);
  const bodies = (await Promise.all(responses.map((r) => r.json()))) as Record<string, unknown>[];
  expect(bodies.filter((body) => body['duplicate'] === true)).toHaveLength(1);
  expect(bodies.filter((body) => body['commits'] === 2)).toHaveLength(1);
});

test('a bad or missing signature is a 401 problem', async ({ anonymous }) => {
  const forged = await deliver(anonymous, 'push', push, { signature: sign('other bytes') });
  expect(forged.status()).toBe(401);
  expect(forged.headers()['content-type']).toBe('application/problem+json');
  const unsigned = await anonymous.post(url, {
    data: push,
    headers: { 'content-type': 'application/json', 'x-github-event': 'push' },
  });
  expect(unsigned.status()).toBe(401);
});

test('an event without a handler is a 202; a wrong shape is a 422, never a 500', async ({
  anonymous,
}) => {
  expect((await deliver(anonymous, 'star', '{"action":"created"}')).status()).toBe(202);
  const invalid = await deliver(anonymous, 'push', '{"commits":null}');
  expect(invalid.status()).toBe(422);
  expect(await invalid.json()).toMatchObject({ errors: [{ pointer: '/body/commits' }] });
});

test('a body over GitHub’s 25 MB cap is a 413', async ({ anonymous }) => {
  const body = Buffer.alloc(25 * 1024 * 1024 + 1, 0x20);
  const response = await anonymous.post(url, {
    data: body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-github-delivery': randomUUID(),
      'x-hub-signature-256': sign(body),
    },
  });
  expect(response.status()).toBe(413);
});
