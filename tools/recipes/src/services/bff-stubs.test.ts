import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Recipe } from '../read-recipes.js';
import { type BffStubs, bffStubsService, startBffStubs } from './bff-stubs.js';

let stubs: BffStubs | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await stubs?.close();
  stubs = undefined;
});

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
};

describe('bff-stubs', () => {
  it('serves valid bodies under the three base URLs, on loopback', async () => {
    stubs = await startBffStubs();
    expect(stubs.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const profile = await get(`${stubs.baseUrls.profile}/c-1`);
    expect(JSON.parse(profile.text)).toMatchObject({ customer_id: 'c-1', tier: 'gold' });
    const orders = await get(`${stubs.baseUrls.orders}?customer_id=c-1&limit=1`);
    expect(JSON.parse(orders.text).orders).toHaveLength(1);
  });

  it('switches one service per request from `<service>-<mode>` in the customer id', async () => {
    stubs = await startBffStubs();
    expect((await get(`${stubs.baseUrls.orders}?customer_id=c-1-orders-fail`)).status).toBe(503);
    expect((await get(`${stubs.baseUrls.orders}?customer_id=c-1-profile-fail`)).status).toBe(200);
    const garbage = await get(`${stubs.baseUrls.profile}/c-1-profile-garbage`);
    expect(() => JSON.parse(garbage.text)).toThrow();
    expect(
      (await get(`${stubs.baseUrls.recommendations}?customer_id=c-1-recommendations-flaky`)).status,
    ).toBe(503);
    expect(
      (await get(`${stubs.baseUrls.recommendations}?customer_id=c-1-recommendations-flaky`)).status,
    ).toBe(200);
  });

  it('switches a service for every request through the control endpoint, and refuses unknown modes', async () => {
    stubs = await startBffStubs();
    const put = (path: string, body: string) =>
      fetch(`${stubs?.url}${path}`, { method: 'PUT', body });
    expect((await put('/_stub/orders', 'missing')).status).toBe(200);
    expect((await get(`${stubs.baseUrls.orders}?customer_id=c-1`)).status).toBe(404);
    expect(JSON.parse((await get(`${stubs.url}/_stub`)).text)).toEqual({
      profile: 'ok',
      orders: 'missing',
      recommendations: 'ok',
    });
    expect((await put('/_stub/orders', 'sideways')).status).toBe(400);
    expect((await put('/_stub/nope', 'ok')).status).toBe(404);
  });

  it('logs what it received, headers included, and closes with a request still hanging', async () => {
    stubs = await startBffStubs({ modes: { orders: 'hang' } });
    const controller = new AbortController();
    const hanging = fetch(`${stubs.baseUrls.orders}?customer_id=c-1`, {
      headers: { 'x-correlation-id': 'corr-1', traceparent: '00-1-2-01' },
      signal: controller.signal,
    }).catch(() => 'aborted');
    await vi.waitFor(() => expect(stubs?.requests).toHaveLength(1));
    expect(stubs.requests[0]).toMatchObject({
      service: 'orders',
      correlationId: 'corr-1',
      traceparent: '00-1-2-01',
      inFlight: 0,
    });
    await stubs.close();
    stubs = undefined;
    controller.abort();
    expect(await hanging).toBeDefined();
  });

  it('as a local service: env modes at start, and the three URL settings for the app', async () => {
    vi.stubEnv('BFF_STUB_RECOMMENDATIONS', 'invalid');
    const running = await bffStubsService.start({} as Recipe);
    try {
      expect(Object.keys(running.env).sort()).toEqual([
        'ORDERS_SERVICE_URL',
        'PROFILE_SERVICE_URL',
        'RECOMMENDATIONS_SERVICE_URL',
      ]);
      const body = await get(`${running.env['RECOMMENDATIONS_SERVICE_URL']}?customer_id=c-1`);
      expect(JSON.parse(body.text)).toEqual({ items: 'none today' });
    } finally {
      await running.close();
    }
    vi.stubEnv('BFF_STUB_ORDERS', 'sideways');
    await expect(bffStubsService.start({} as Recipe)).rejects.toThrow('BFF_STUB_ORDERS=sideways');
  });
});
