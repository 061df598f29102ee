import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';

import { createDownstreamClient, type DownstreamOptions } from './downstream-client.js';
import { type LocalStubs, refusedUrl, startLocalStubs } from './testing/local-stubs.js';

const Recommendations = z.object({ customer_id: z.string(), items: z.array(z.unknown()) });
let stubs: LocalStubs;
beforeAll(async () => {
  stubs = await startLocalStubs();
});
afterAll(() => stubs.close());

const client = (options: Partial<DownstreamOptions<unknown>> = {}) =>
  createDownstreamClient({
    name: 'recommendations',
    schema: Recommendations,
    timeoutMs: 2000,
    deadlineMs: 4000,
    ...options,
  });
const url = (customerId: string): string =>
  `${stubs.env['RECOMMENDATIONS_SERVICE_URL']}?customer_id=${customerId}`;
const headers = { accept: 'application/json' };

describe('a downstream GET over a real socket', () => {
  it('returns the validated body of a healthy service in one attempt', async () => {
    const call = await client().get(url('c-1'), headers);
    expect(call).toMatchObject({ outcome: 'ok', status: 200, attempts: 1 });
    expect(call.outcome === 'ok' && call.value).toMatchObject({ customer_id: 'c-1' });
  });

  it('retries a 503 once, and the second attempt can succeed', async () => {
    const call = await client().get(url('c-2-recommendations-flaky'), headers);
    expect(call).toMatchObject({ outcome: 'ok', attempts: 2 });
  });

  it('gives up after one retry of a service that keeps answering 503', async () => {
    expect(await client().get(url('c-3-recommendations-fail'), headers)).toMatchObject({
      outcome: 'status',
      status: 503,
      attempts: 2,
    });
  });

  it('retries a dropped connection and a refused one (connect errors)', async () => {
    expect(await client().get(url('c-4-recommendations-drop'), headers)).toMatchObject({
      outcome: 'network',
      attempts: 2,
    });
    expect(await client().get(await refusedUrl('recommendations'), headers)).toMatchObject({
      outcome: 'network',
      attempts: 2,
    });
  });

  it.each([
    ['garbage', 'invalid-json'],
    ['invalid', 'invalid-body'],
    ['hang', 'timeout'],
    ['slow', 'timeout'],
  ])('does not retry %s: it is %s after one attempt', async (mode, outcome) => {
    expect(await client().get(url(`c-5-recommendations-${mode}`), headers)).toMatchObject({
      outcome,
      attempts: 1,
    });
  });

  it('reports a 404 as not-found, an answer rather than a fault', async () => {
    const recommendations = client({ breakAfter: 1 });
    expect(await recommendations.get(url('c-6-recommendations-missing'), headers)).toMatchObject({
      outcome: 'not-found',
      status: 404,
      attempts: 1,
    });
    expect(recommendations.circuitState()).toBe('closed');
  });

  it('stops calling after consecutive failures, then lets one trial call close the circuit', async () => {
    const recommendations = client({ breakAfter: 3, halfOpenAfterMs: 300 });
    for (let i = 0; i < 2; i += 1)
      await recommendations.get(url('c-7-recommendations-fail'), headers);
    expect(recommendations.circuitState()).toBe('open');
    const before = (await stubs.requests()).length;
    // open: not even attempted, so a healthy stub does not help yet
    expect(await recommendations.get(url('c-7'), headers)).toMatchObject({
      outcome: 'circuit-open',
      attempts: 0,
    });
    expect((await stubs.requests()).length).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await recommendations.get(url('c-7'), headers)).toMatchObject({ outcome: 'ok' });
    expect(recommendations.circuitState()).toBe('closed');
  });

  it('ends a call at the overall deadline even when its attempts would go on', async () => {
    const call = await client({ timeoutMs: 5000, deadlineMs: 100 }).get(
      url('c-8-recommendations-hang'),
      headers,
    );
    expect(call).toMatchObject({ outcome: 'timeout', attempts: 1 });
  });
});
