import { describe, expect, it } from 'vitest';

import { policy, useTestGateways } from '../../test-fixtures/test-gateway.js';
import { waitSeconds } from './retry.js';

const gatewayWith = useTestGateways();

const LAST_ERROR_HEADER =
  '<base /><set-header name="x-error" exists-action="override"><value>@(context.LastError.Reason)</value></set-header>';

/** A backend that answers 500 `failures` times, then 200, echoing the body it got. */
function failingThenOk(gw: Awaited<ReturnType<typeof gatewayWith>>, failures: number): void {
  let calls = 0;
  gw.backend.respondWith((request, res) => {
    calls++;
    res.writeHead(calls <= failures ? 500 : 200, { 'Content-Type': 'text/plain' });
    res.end(`${calls}:${request.body}`);
  });
}

describe('retry (APIM: child policies run once, then again while condition holds, up to count)', () => {
  it('retries forward-request while the backend answers 500; first-fast-retry skips the wait', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        backend:
          '<retry condition="@(context.Response.StatusCode == 500)" count="3" interval="0" first-fast-retry="true"><forward-request /></retry>',
      }),
    });
    failingThenOk(gw, 2);
    const response = await gw.call('/api/catalog/1');
    expect([response.status, await response.text()]).toEqual([200, '3:']);
    expect(gw.backend.requests).toHaveLength(3);
  });

  it('stops after count retries and returns the last response', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        backend:
          '<retry condition="@(context.Response.StatusCode >= 500)" count="2" interval="0"><forward-request /></retry>',
      }),
    });
    failingThenOk(gw, 10);
    const response = await gw.call('/api/catalog/1');
    expect([response.status, await response.text()]).toEqual([500, '3:']);
    expect(gw.backend.requests).toHaveLength(3);
  });

  it('buffer-request-body="true": the same body is sent again on every attempt', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        backend:
          '<retry condition="@(context.Response.StatusCode == 500)" count="2" interval="0"><forward-request buffer-request-body="true" /></retry>',
      }),
    });
    failingThenOk(gw, 1);
    const response = await gw.call('/api/catalog', { method: 'POST', body: 'payload' });
    expect([response.status, await response.text()]).toEqual([200, '2:payload']);
    expect(gw.backend.requests.map((request) => request.body)).toEqual(['payload', 'payload']);
  });

  it('a streamed body (buffer-request-body="false") cannot be resent: warned at load, the retry fails with RequestBodyNotBuffered', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        backend:
          '<retry condition="@(context.Response.StatusCode == 500)" count="2" interval="0"><forward-request /></retry>',
        onError: LAST_ERROR_HEADER,
      }),
    });
    expect(gw.logs).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: expect.stringMatching(
          /^forward-request inside retry streams the request body \(buffer-request-body="false"\)/,
        ),
      }),
    );
    failingThenOk(gw, 1);
    const withBody = await gw.call('/api/catalog', { method: 'POST', body: 'payload' });
    expect(withBody.status).toBe(500);
    expect(withBody.headers.get('x-error')).toBe('RequestBodyNotBuffered');
    expect(await withBody.json()).toMatchObject({ statusCode: 500 });
    expect(gw.backend.requests).toHaveLength(1);
    // a request without a body retries fine
    failingThenOk(gw, 1);
    const bodiless = await gw.call('/api/catalog/1');
    expect([bodiless.status, await bodiless.text()]).toEqual([200, '2:']);
  });

  it.each([
    ['count="0"', /attribute "count" must be at least 1, got "0"/],
    ['count="51"', /attribute "count" must be at most 50, got "51"/],
    ['condition="maybe" count="1"', /attribute "condition" must be true, false or a boolean/],
  ])('%s is a load error', async (attributes, message) => {
    const xml = policy({
      backend: `<retry ${attributes.includes('condition') ? '' : 'condition="true" '}${attributes} interval="1"><forward-request /></retry>`,
    });
    await expect(gatewayWith({ apiPolicy: xml })).rejects.toThrow(message);
  });

  it('a retry without policies inside is a load error', async () => {
    await expect(
      gatewayWith({
        apiPolicy: policy({
          backend: '<retry condition="true" count="1" interval="1" /><forward-request />',
        }),
      }),
    ).rejects.toThrow(/<retry> needs at least one policy/);
  });
});

describe('retry wait times (Learn: fixed, linear, exponential)', () => {
  it('interval alone: a fixed wait', () => {
    expect(
      [1, 2, 3].map((n) =>
        waitSeconds(n, { interval: 5, maxInterval: undefined, delta: undefined }),
      ),
    ).toEqual([5, 5, 5]);
  });

  it('interval and delta: linear, interval + (n - 1) × delta', () => {
    expect(
      [1, 2, 3].map((n) => waitSeconds(n, { interval: 10, maxInterval: undefined, delta: 5 })),
    ).toEqual([10, 15, 20]);
  });

  it('interval, delta and max-interval: exponential up to max-interval (Learn: about 10, 20, 40, 80, then 100 s)', () => {
    const waits = [1, 2, 3, 4, 5, 6].map((n) =>
      waitSeconds(n, { interval: 10, maxInterval: 100, delta: 10 }),
    );
    expect(waits[0]).toBe(10);
    expect(waits[1]).toBeGreaterThanOrEqual(18);
    expect(waits[1]).toBeLessThanOrEqual(22);
    expect(waits[2]).toBeGreaterThanOrEqual(34);
    expect(waits[2]).toBeLessThanOrEqual(46);
    expect(waits[3]).toBeGreaterThanOrEqual(66);
    expect(waits[3]).toBeLessThanOrEqual(94);
    expect(waits.slice(4)).toEqual([100, 100]);
  });
});
