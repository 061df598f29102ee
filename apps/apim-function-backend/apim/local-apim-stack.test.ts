import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type GatewayConfigInput, type RunningGateway, startGateway } from '@cookbook/apim-gateway';
import { startRecordingBackend } from '@cookbook/apim-gateway/testing';
import {
  createLocalHost,
  type HostLogEntry,
  type HostServer,
  type LocalHost,
  startHostServer,
} from '@cookbook/functions-host';
import { ProblemDetailsSchema, problemTypeUri } from '@cookbook/http-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { recipeDir, TEST_ENV, TEST_HOST_KEY } from '../src/testing/catalog-host-settings.js';
import { logRecords } from '../src/testing/log-records.js';

// The deployed policy files and named values, unchanged; only the backend URL and the
// subscriptions (one per test, so rate-limit counters never interfere) are set here.
const apimDir = import.meta.dirname;
const fileConfig = JSON.parse(
  readFileSync(join(apimDir, 'local-gateway.json'), 'utf8'),
) as GatewayConfigInput;
const SUBSCRIPTION_KEYS = Array.from({ length: 12 }, (_, i) => `stack-test-key-${i}`);
const RATE_LIMIT_CALLS = Number(fileConfig.namedValues?.['rate-limit-calls']);

function configFor(backendUrl: string): GatewayConfigInput {
  return {
    ...fileConfig,
    backends: (fileConfig.backends ?? []).map((backend) => ({ ...backend, url: backendUrl })),
    subscriptions: SUBSCRIPTION_KEYS.map((key, i) => ({ id: `stack-test-${i}`, key })),
  };
}

let host: LocalHost;
let server: HostServer;
let gateway: RunningGateway;
let token: string;
const hostLogs: HostLogEntry[] = [];
let nextKey = 0;

beforeAll(async () => {
  host = await createLocalHost(recipeDir, {
    auth: true,
    keys: { host: { default: TEST_HOST_KEY } },
    env: TEST_ENV,
    log: (entry) => hostLogs.push(entry),
  });
  server = await startHostServer(host);
  gateway = await startGateway({
    config: configFor(`${server.url}/api`),
    baseDir: apimDir,
    env: { FUNCTIONS_HOST_KEY: TEST_HOST_KEY },
  });
  token = await gateway.mintToken();
});
afterAll(async () => {
  await gateway.close();
  await server.close();
  await host.close();
});

/** A client of the gateway with its own subscription (its own rate-limit counter). */
function client(): (path: string, headers?: Record<string, string>) => Promise<Response> {
  const key = SUBSCRIPTION_KEYS[nextKey++] ?? '';
  return (path, headers = {}) =>
    fetch(`${gateway.url}/api/${path}`, {
      headers: { authorization: `Bearer ${token}`, 'ocp-apim-subscription-key': key, ...headers },
    });
}

function handledLines(): Record<string, unknown>[] {
  return logRecords(hostLogs).filter((record) => record.msg === 'Handled APIM backend request');
}

async function expectProblem(response: Response, key: Parameters<typeof problemTypeUri>[0]) {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = ProblemDetailsSchema.parse(await response.json());
  expect(problem.type).toBe(problemTypeUri(key));
  expect(problem.correlationId).toBe(response.headers.get('x-correlation-id'));
  return problem;
}

describe('the policy XML in front of the function, on the local gateway and host', () => {
  it('serves a miss from the function, then a hit from the cache with this request’s correlation id', async () => {
    const get = client();
    hostLogs.length = 0;
    const miss = await get('catalog/apim-field-guide', { 'x-correlation-id': 'first-call' });
    const missBody = (await miss.json()) as Record<string, unknown>;
    expect(miss.status).toBe(200);
    expect(miss.headers.get('x-apim-cache')).toBe('MISS');
    expect(miss.headers.get('x-correlation-id')).toBe('first-call');
    expect(missBody).toMatchObject({
      item_id: 'apim-field-guide',
      routed_by: 'azure-api-management',
      correlation_id: 'first-call',
      cache_status: 'miss',
    });

    const hit = await get('catalog/apim-field-guide', { 'x-correlation-id': 'second-call' });
    expect(hit.status).toBe(200);
    expect(hit.headers.get('x-apim-cache')).toBe('HIT');
    expect(hit.headers.get('x-correlation-id')).toBe('second-call');
    expect(await hit.json()).toEqual(missBody);
    expect(hit.headers.get('etag')).toBe(miss.headers.get('etag'));
    expect(handledLines()).toHaveLength(1);
  });

  it('never caches the health check', async () => {
    const get = client();
    hostLogs.length = 0;
    for (let call = 0; call < 2; call += 1) {
      const response = await get('catalog/health');
      expect(await response.json()).toEqual({ status: 'ok', backend: 'functions' });
      expect(response.headers.get('x-apim-cache')).toBeNull();
    }
    const invocations = hostLogs.filter((entry) =>
      entry.message.startsWith("Executing 'Functions.getCatalogHealth'"),
    );
    expect(invocations).toHaveLength(2);
  });

  it('answers a missing token with the 401 problem envelope, before the function runs', async () => {
    hostLogs.length = 0;
    const response = await fetch(`${gateway.url}/api/catalog/42`, {
      headers: { 'ocp-apim-subscription-key': SUBSCRIPTION_KEYS[nextKey++] ?? '' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const problem = await expectProblem(response, 'unauthorized');
    expect(problem).toMatchObject({ status: 401, instance: '/api/catalog/42' });
    expect(hostLogs).toEqual([]);
  });

  it('rejects a token for another audience with the same envelope', async () => {
    const get = client();
    const other = await gateway.mintToken({ audience: 'api://someone-else' });
    const response = await get('catalog/42', { authorization: `Bearer ${other}` });
    expect(response.status).toBe(401);
    expect((await expectProblem(response, 'unauthorized')).detail).toMatch(/not valid/);
  });

  it('answers a missing subscription key with the 401 problem envelope', async () => {
    const response = await fetch(`${gateway.url}/api/catalog/42`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(401);
    await expectProblem(response, 'unauthorized');
  });

  it('limits calls per subscription: 429 problem with Retry-After once the window is used up', async () => {
    const get = client();
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT_CALLS; i += 1)
      statuses.push((await get('catalog/health')).status);
    expect(statuses).toEqual(Array(RATE_LIMIT_CALLS).fill(200));
    const limited = await get('catalog/health');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await limited.clone().json()) as { statusCode: number; message: string };
    expect(body).toMatchObject({ statusCode: 429 });
    expect(body.message).toMatch(/^Rate limit is exceeded\. Try again in \d+ seconds?\.$/);
    const problem = await expectProblem(limited, 'tooManyRequests');
    expect(problem.detail).toBe(body.message);
    const other = client();
    expect((await other('catalog/health')).status).toBe(200);
  });

  it('passes the function’s own problems through: 404 unknown item, 422 invalid id', async () => {
    const get = client();
    const missing = await get('catalog/no-such-item', { 'x-correlation-id': 'lookup-1' });
    expect(missing.status).toBe(404);
    expect((await expectProblem(missing, 'notFound')).correlationId).toBe('lookup-1');
    const invalid = await get('catalog/not.valid');
    expect(invalid.status).toBe(422);
    await expectProblem(invalid, 'validationFailed');
  });

  it('answers a path no operation matches with the gateway’s 404 problem', async () => {
    const response = await client()('nothing/here');
    expect(response.status).toBe(404);
    expect((await expectProblem(response, 'notFound')).detail).toMatch(/No operation/);
  });

  it('lets the function’s stricter rule win on a miss, so header, body and logs agree', async () => {
    const response = await client()('catalog/42', { 'x-correlation-id': 'user@example' });
    const body = (await response.json()) as { correlation_id: string };
    expect(body.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-correlation-id')).toBe(body.correlation_id);
    expect(handledLines().at(-1)?.correlation_id).toBe(body.correlation_id);
  });

  it('replaces a correlation id that is unsafe in JSON, and the function uses the same one', async () => {
    const response = await client()('catalog/functions-mug', { 'x-correlation-id': 'a"b\\c' });
    const body = (await response.json()) as { correlation_id: string };
    expect(body.correlation_id).not.toContain('"');
    expect(response.headers.get('x-correlation-id')).toBe(body.correlation_id);
  });
});

describe('what the function receives from the gateway', () => {
  it('gets the host key and enrichment headers, never the subscription key or the token', async () => {
    const backend = await startRecordingBackend();
    const recordingGateway = await startGateway({
      config: configFor(`${backend.url}/api`),
      baseDir: apimDir,
      env: { FUNCTIONS_HOST_KEY: TEST_HOST_KEY },
    });
    try {
      const key = SUBSCRIPTION_KEYS[0] ?? '';
      const response = await fetch(
        `${recordingGateway.url}/api/catalog/cold-start_kit?subscription-key=${key}`,
        { headers: { authorization: `Bearer ${await recordingGateway.mintToken()}` } },
      );
      expect(response.status).toBe(200);
      const [forwarded] = backend.requests;
      expect(forwarded?.url).toBe('/api/catalog/cold-start_kit');
      expect(forwarded?.headers).toMatchObject({
        'x-functions-key': TEST_HOST_KEY,
        'x-apim-gateway': 'azure-api-management',
        'x-apim-cache': 'MISS',
      });
      expect(forwarded?.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(forwarded?.headers['ocp-apim-subscription-key']).toBeUndefined();
      expect(forwarded?.headers.authorization).toBeUndefined();
      expect(JSON.stringify(forwarded)).not.toContain(key);
    } finally {
      await recordingGateway.close();
      await backend.close();
    }
  });

  it('turns an unreachable function into a 502 problem', async () => {
    const backend = await startRecordingBackend();
    const deadUrl = backend.url;
    await backend.close();
    const deadGateway = await startGateway({
      config: configFor(`${deadUrl}/api`),
      baseDir: apimDir,
      env: { FUNCTIONS_HOST_KEY: TEST_HOST_KEY },
    });
    try {
      const response = await fetch(`${deadGateway.url}/api/catalog/health`, {
        headers: {
          authorization: `Bearer ${await deadGateway.mintToken()}`,
          'ocp-apim-subscription-key': SUBSCRIPTION_KEYS[1] ?? '',
        },
      });
      expect(response.status).toBe(502);
      await expectProblem(response, 'badGateway');
    } finally {
      await deadGateway.close();
    }
  });
});
