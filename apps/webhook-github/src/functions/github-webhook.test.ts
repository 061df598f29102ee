import { randomUUID } from 'node:crypto';

import { PROBLEM_CONTENT_TYPE } from '@cookbook/http-kit';
import { invokeRoute } from '@cookbook/http-kit/testing';
import { type CapturedLogs, captureLogs } from '@cookbook/logging/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { PREVIOUS_SECRET_SETTING, SECRET_SETTING, signPayload } from '../github-signature.js';
import { signedDelivery, TEST_SECRET } from '../testing/signed-delivery.js';
import { useAzurite } from '../testing/use-azurite.js';
import { GITHUB_PAYLOAD_CAP_BYTES, githubWebhook } from './github-webhook.js';

useAzurite();

const push = {
  ref: 'refs/heads/main',
  repository: { full_name: 'octo/repo' },
  commits: [{ id: 'a' }, { id: 'b' }],
};
const pushSummary = {
  event: 'push',
  repository: 'octo/repo',
  ref: 'refs/heads/main',
  commits: 2,
  message: 'Processed push with 2 commit(s).',
};

let logs: CapturedLogs;
beforeEach(() => {
  process.env[SECRET_SETTING] = TEST_SECRET;
  delete process.env[PREVIOUS_SECRET_SETTING];
  logs = captureLogs();
});
afterEach(() => {
  logs.restore();
  delete process.env[SECRET_SETTING];
  delete process.env[PREVIOUS_SECRET_SETTING];
});

const outcomes = () =>
  logs.records.filter((r) => r['msg'] === 'github delivery').map((r) => r['outcome']);

describe('POST /api/github/webhook: events', () => {
  it('answers ping with its hook id and zen', async () => {
    const response = await invokeRoute(
      githubWebhook,
      signedDelivery('ping', { zen: 'Keep it logically awesome.', hook_id: 42 }),
    );
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      event: 'ping',
      hook_id: 42,
      zen: 'Keep it logically awesome.',
    });
  });

  it('summarizes a push, as JSON and as GitHub’s form encoding (payload=)', async () => {
    const json = await invokeRoute(githubWebhook, signedDelivery('push', push));
    expect(json.json()).toEqual(pushSummary);
    const form = await invokeRoute(githubWebhook, signedDelivery('push', push, { form: true }));
    expect(form.status).toBe(200);
    expect(form.json()).toEqual(pushSummary);
  });

  it('summarizes pull requests and issues, with defaults for absent fields', async () => {
    const pr = await invokeRoute(
      githubWebhook,
      signedDelivery('pull_request', {
        action: 'opened',
        pull_request: { number: 7, title: 'Fix' },
      }),
    );
    expect(pr.json()).toEqual({
      event: 'pull_request',
      action: 'opened',
      number: 7,
      title: 'Fix',
      message: 'Processed pull request #7 (opened).',
    });
    const issue = await invokeRoute(githubWebhook, signedDelivery('issues', {}));
    expect(issue.json()).toEqual({
      event: 'issues',
      action: 'unknown',
      number: null,
      title: '',
      message: 'Processed issue (unknown).',
    });
  });

  it('acknowledges an event without a handler with 202', async () => {
    const response = await invokeRoute(
      githubWebhook,
      signedDelivery('star', { action: 'created' }),
    );
    expect(response.status).toBe(202);
    expect(response.json()).toEqual({
      event: 'star',
      message: 'Event received but no handler is defined for it.',
    });
  });
});

describe('POST /api/github/webhook: X-GitHub-Delivery deduplication', () => {
  it('answers a redelivery with {duplicate: true} and does not process it again', async () => {
    const delivery = randomUUID();
    const first = await invokeRoute(githubWebhook, signedDelivery('push', push, { delivery }));
    const again = await invokeRoute(githubWebhook, signedDelivery('push', push, { delivery }));
    expect(first.json()).toEqual(pushSummary);
    expect(again.status).toBe(200);
    expect(again.json()).toEqual({ duplicate: true, event: 'push', delivery });
    expect(outcomes()).toEqual(['processed', 'duplicate']);
  });

  it('processes one of two concurrent invocations of the same delivery; the other is a duplicate', async () => {
    const delivery = randomUUID();
    const responses = await Promise.all([
      invokeRoute(githubWebhook, signedDelivery('push', push, { delivery })),
      invokeRoute(githubWebhook, signedDelivery('push', push, { delivery })),
    ]);
    const bodies = responses.map((response) => response.json<Record<string, unknown>>());
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(bodies.filter((body) => body['duplicate'] === true)).toHaveLength(1);
    expect(bodies.filter((body) => body['event'] === 'push' && body['commits'] === 2)).toHaveLength(
      1,
    );
    expect(outcomes().sort()).toEqual(['duplicate', 'processed']);
  });

  it('does not use up the delivery id on a 422, so a corrected redelivery is processed', async () => {
    const delivery = randomUUID();
    const bad = await invokeRoute(
      githubWebhook,
      signedDelivery('push', { commits: null }, { delivery }),
    );
    expect(bad.status).toBe(422);
    const good = await invokeRoute(githubWebhook, signedDelivery('push', push, { delivery }));
    expect(good.json()).toEqual(pushSummary);
  });
  it('answers 503 (redeliver later) when Table Storage is unreachable, never a 500', async () => {
    const working = process.env['AzureWebJobsStorage'] ?? '';
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    process.env['AzureWebJobsStorage'] = working.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:9');
    try {
      const response = await invokeRoute(githubWebhook, signedDelivery('push', push));
      expect(response.status).toBe(503);
      expect(response.json()).toMatchObject({
        detail: 'The delivery store is unavailable; redeliver later.',
      });
      const written = logs.lines.join('\n');
      expect(written).toContain('ECONNREFUSED');
      expect(written).not.toContain(/AccountKey=([^;]+)/.exec(working)?.[1] ?? 'no key');
    } finally {
      process.env['AzureWebJobsStorage'] = working;
    }
  }, 120_000);
});

describe('POST /api/github/webhook: signature (X-Hub-Signature-256)', () => {
  it.each([
    ['missing', undefined],
    ['not sha256=', 'sha1=' + 'a'.repeat(40)],
    ['malformed hex', 'sha256=bad'],
    ['signed with another secret', signPayload('another-secret', JSON.stringify(push))],
  ])('answers 401 when the signature is %s', async (_case, signature) => {
    const options = signedDelivery('push', push);
    const headers = { ...options.headers } as Record<string, string>;
    if (signature === undefined) delete headers['x-hub-signature-256'];
    else headers['x-hub-signature-256'] = signature;
    const response = await invokeRoute(githubWebhook, { ...options, headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(outcomes()).toEqual([]);
  });

  it('signs the exact bytes: the same JSON re-serialized (one space) no longer verifies', async () => {
    const options = signedDelivery('push', push);
    const response = await invokeRoute(githubWebhook, {
      ...options,
      body: JSON.stringify(push, null, 1),
    });
    expect(response.status).toBe(401);
  });

  it('checks before parsing: an unsigned malformed body is a 401, not a 400', async () => {
    const options = signedDelivery('push', push);
    const response = await invokeRoute(githubWebhook, { ...options, body: '{not json' });
    expect(response.status).toBe(401);
  });

  it('accepts the current and the previous secret during a rotation', async () => {
    process.env[SECRET_SETTING] = 'new-secret';
    process.env[PREVIOUS_SECRET_SETTING] = 'old-secret';
    for (const secret of ['new-secret', 'old-secret']) {
      const response = await invokeRoute(githubWebhook, signedDelivery('push', push, { secret }));
      expect(response.status).toBe(200);
    }
    const stale = await invokeRoute(githubWebhook, signedDelivery('push', push));
    expect(stale.status).toBe(401);
  });

  it('answers 500 naming the setting when no secret is configured, and logs an error', async () => {
    delete process.env[SECRET_SETTING];
    const response = await invokeRoute(githubWebhook, signedDelivery('push', push));
    expect(response.status).toBe(500);
    expect(response.json()).toMatchObject({
      detail: 'The server has no GITHUB_WEBHOOK_SECRET setting.',
    });
    expect(logs.records).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'webhook secret is not configured' }),
    );
  });

  it('never logs the signature, the secret or the payload', async () => {
    const marker = 'payload-marker-5b1e';
    const options = signedDelivery('push', { ...push, ref: marker });
    const signature = (options.headers as Record<string, string>)['x-hub-signature-256'] ?? '';
    await invokeRoute(githubWebhook, options);
    await invokeRoute(githubWebhook, { ...options, body: `{"ref":"${marker}"}` }); // 401
    await invokeRoute(githubWebhook, signedDelivery('push', { commits: marker })); // 422
    const written = logs.lines.join('\n');
    expect(written).toContain('github delivery');
    for (const secretish of [TEST_SECRET, signature.slice(7), marker]) {
      expect(written).not.toContain(secretish);
    }
  });
});

describe('POST /api/github/webhook: bad input is a 4xx problem, never a 500', () => {
  it.each([
    ['commits: null', { commits: null }, '/body/commits'],
    ['repository not an object', { repository: 'octo/repo' }, '/body/repository'],
    [
      'repository.full_name not a string',
      { repository: { full_name: 1 } },
      '/body/repository/full_name',
    ],
  ])('answers 422 for a push with %s', async (_case, payload, pointer) => {
    const response = await invokeRoute(githubWebhook, signedDelivery('push', payload));
    expect(response.status).toBe(422);
    expect(response.json()).toMatchObject({ errors: [{ pointer }] });
  });

  it.each([
    ['not JSON', 'application/json', '{"ref":', 400],
    ['a JSON array', 'application/json', '[1,2]', 422],
    ['a form without payload', 'application/x-www-form-urlencoded', 'ref=main', 422],
    ['text/plain', 'text/plain', '{}', 415],
  ])('answers a signed body that is %s with its problem', async (_case, type, body, status) => {
    const options = signedDelivery('push', body, { headers: { 'content-type': type } });
    const signed = {
      ...options,
      body,
      headers: { ...options.headers, 'x-hub-signature-256': signPayload(TEST_SECRET, body) },
    };
    const response = await invokeRoute(githubWebhook, signed);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
  });

  it('answers 422 when X-GitHub-Delivery or X-GitHub-Event is missing (after the signature check)', async () => {
    const options = signedDelivery('push', push);
    const headers = { ...options.headers } as Record<string, string>;
    delete headers['x-github-delivery'];
    const response = await invokeRoute(githubWebhook, { ...options, headers });
    expect(response.status).toBe(422);
    expect(response.json()).toMatchObject({ errors: [{ pointer: '/headers/x-github-delivery' }] });
  });

  it('answers 413 from Content-Length over GitHub’s 25 MB cap, before reading the body', async () => {
    const options = signedDelivery('push', push, {
      headers: { 'content-length': String(GITHUB_PAYLOAD_CAP_BYTES + 1) },
    });
    const response = await invokeRoute(githubWebhook, options);
    expect(response.status).toBe(413);
  });

  it('accepts a signed payload of the full 25 MB cap', async () => {
    const filler = 'x'.repeat(GITHUB_PAYLOAD_CAP_BYTES - 200);
    const body = JSON.stringify({ ...push, filler });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(GITHUB_PAYLOAD_CAP_BYTES);
    const response = await invokeRoute(githubWebhook, signedDelivery('push', body));
    expect(response.status).toBe(200);
  });
});
