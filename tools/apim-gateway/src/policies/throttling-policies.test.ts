import { describe, expect, it } from 'vitest';

import { policy, useTestGateways } from '../../test-fixtures/test-gateway.js';

const gatewayWith = useTestGateways();

describe('rate-limit-by-key', () => {
  it('429 with Retry-After and the APIM message once calls are used up in the window', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base /><rate-limit-by-key calls="{{calls}}" renewal-period="60" counter-key='@(context.Request.Headers.GetValueOrDefault("x-client", "anon"))' />`,
      }),
      namedValues: { calls: '2' },
    });
    const headers = { 'x-client': 'a' };
    expect((await gw.call('/api/health', { headers })).status).toBe(200);
    expect((await gw.call('/api/health', { headers })).status).toBe(200);
    const limited = await gw.call('/api/health', { headers });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/json/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    // the window is counted in 6 s slots (renewal-period / 10): the first call frees up 54-60 s later
    expect(retryAfter).toBeGreaterThanOrEqual(54);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toEqual({
      statusCode: 429,
      message: `Rate limit is exceeded. Try again in ${retryAfter} seconds.`,
    });
    expect((await gw.call('/api/health', { headers: { 'x-client': 'b' } })).status).toBe(200);
    expect(gw.backend.requests).toHaveLength(3);
  });

  it('custom header names: retry-after, remaining and total calls', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base /><rate-limit-by-key calls="2" renewal-period="30" counter-key="fixed" retry-after-header-name="x-retry" remaining-calls-header-name="x-remaining" total-calls-header-name="x-total" remaining-calls-variable-name="left" />`,
        outbound:
          '<base /><set-header name="x-left" exists-action="override"><value>@(context.Variables["left"].ToString())</value></set-header>',
      }),
    });
    const first = await gw.call('/api/health');
    expect([
      first.headers.get('x-remaining'),
      first.headers.get('x-total'),
      first.headers.get('x-left'),
    ]).toEqual(['1', '2', '1']);
    await gw.call('/api/health');
    const limited = await gw.call('/api/health');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-retry')).toMatch(/^\d+$/);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect([limited.headers.get('x-remaining'), limited.headers.get('x-total')]).toEqual([
      '0',
      '2',
    ]);
  });

  it('increment-condition is evaluated after the response: only successful calls count', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound:
          '<base /><rate-limit-by-key calls="1" renewal-period="60" counter-key="k" increment-condition="@(context.Response.StatusCode == 200)" />',
      }),
    });
    gw.backend.respondWith((request, res) => {
      res.writeHead(request.url.includes('fail') ? 500 : 200);
      res.end();
    });
    expect((await gw.call('/api/health?fail=1')).status).toBe(500);
    expect((await gw.call('/api/health?fail=1')).status).toBe(500);
    expect((await gw.call('/api/health')).status).toBe(200);
    expect((await gw.call('/api/health')).status).toBe(429);
  });

  it('LastError is RateLimitExceeded so on-error can reshape the 429', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: '<base /><rate-limit-by-key calls="1" renewal-period="10" counter-key="x" />',
        onError: `<base /><set-header name="x-reason" exists-action="override"><value>@(context.LastError.Source + ":" + context.LastError.Reason + ":" + context.Response.Headers.GetValueOrDefault("Retry-After", ""))</value></set-header>`,
      }),
    });
    await gw.call('/api/health');
    const limited = await gw.call('/api/health');
    expect(limited.headers.get('x-reason')).toMatch(/^rate-limit-by-key:RateLimitExceeded:\d+$/);
  });
});

describe('rate-limit (per subscription)', () => {
  it('counts per subscription key and skips calls without a key', async () => {
    const gw = await gatewayWith({
      api: { subscriptionRequired: false },
      apiPolicy: policy({ inbound: '<base /><rate-limit calls="1" renewal-period="60" />' }),
    });
    expect((await gw.call('/api/health')).status).toBe(200);
    expect((await gw.call('/api/health')).status).toBe(429);
    expect((await gw.call('/api/health', { key: null })).status).toBe(200);
    expect((await gw.call('/api/health', { key: null })).status).toBe(200);
  });
});

describe('quota-by-key', () => {
  it('403 with the quota message and Retry-After once the quota is spent', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: '<base /><quota-by-key calls="1" renewal-period="3600" counter-key="q" />',
      }),
    });
    expect((await gw.call('/api/health')).status).toBe(200);
    const blocked = await gw.call('/api/health');
    expect(blocked.status).toBe(403);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await blocked.json()) as { statusCode: number; message: string };
    expect(body.statusCode).toBe(403);
    expect(body.message).toMatch(
      /^Out of call volume quota\. Quota will be replenished in \d{2}:\d{2}:\d{2}\.$/,
    );
  });

  it('rejects a renewal-period below 300 seconds when it runs (APIM minimum)', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: '<base /><quota-by-key calls="1" renewal-period="@(60)" counter-key="q" />',
      }),
    });
    expect((await gw.call('/api/health')).status).toBe(500);
  });
});
