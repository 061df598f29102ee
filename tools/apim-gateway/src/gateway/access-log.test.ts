import { describe, expect, it } from 'vitest';

import { policy, SUBSCRIPTION_KEY, useTestGateways } from '../../test-fixtures/test-gateway.js';
import { redactRequestTarget } from './access-log.js';

const gatewayWith = useTestGateways();

describe('access log: one line per request, naming what ended it', () => {
  it('method, path, status, duration, requestId and endedBy "backend" for a forwarded call', async () => {
    const gw = await gatewayWith();
    await gw.call('/api/health?x=1');
    expect(gw.accessLog).toEqual([
      {
        method: 'GET',
        path: '/api/health?x=1',
        status: 200,
        durationMs: expect.any(Number),
        endedBy: 'backend',
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    ]);
  });

  it('names the step that answered: subscription key 401, rate-limit 429, cache HIT, validate-jwt, 404', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound:
          '<base /><rate-limit-by-key calls="1" renewal-period="60" counter-key=\'@(context.Request.Headers.GetValueOrDefault("x-client", "a"))\' />',
      }),
      operationPolicies: {
        getCatalogItem: policy({
          inbound:
            '<base /><cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />',
          outbound: '<base /><cache-store duration="60" />',
        }),
        getFeaturedItems: policy({
          inbound:
            '<base /><validate-jwt header-name="Authorization"><issuer-signing-keys><key>c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI=</key></issuer-signing-keys></validate-jwt>',
        }),
      },
    });
    await gw.call('/api/health', { key: null });
    await gw.call('/api/health');
    await gw.call('/api/health');
    await gw.call('/api/catalog/1', { headers: { 'x-client': 'b' } });
    await gw.call('/api/catalog/1', { headers: { 'x-client': 'c' } });
    await gw.call('/api/catalog/featured', { headers: { 'x-client': 'd' } });
    await gw.call('/api/nothing', { headers: { 'x-client': 'e' } });
    expect(gw.accessLog.map((line) => [line.status, line.endedBy])).toEqual([
      [401, 'subscription-key'],
      [200, 'backend'],
      [429, 'rate-limit-by-key'],
      [200, 'backend'],
      [200, 'cache-lookup (HIT)'],
      [401, 'validate-jwt'],
      [404, 'operation-match'],
    ]);
  });

  it('never shows subscription keys, function keys or tokens from the query', async () => {
    const gw = await gatewayWith();
    await gw.call(
      `/api/health?subscription-key=${SUBSCRIPTION_KEY}&code=fn-key&access_token=t0k3n&sig=s&keep=yes`,
      { key: null },
    );
    const [line] = gw.accessLog;
    expect(line?.path).toBe(
      '/api/health?subscription-key=[Redacted]&code=[Redacted]&access_token=[Redacted]&sig=[Redacted]&keep=yes',
    );
    expect(JSON.stringify(gw.accessLog)).not.toContain(SUBSCRIPTION_KEY);
  });
});

describe('redactRequestTarget', () => {
  it('masks configured and well-known secret names, encoded or not, and leaves the rest as sent', () => {
    expect(redactRequestTarget('/a?my-key=1&My%2DKey=2&b=%0A', ['my-key'])).toBe(
      '/a?my-key=[Redacted]&My%2DKey=[Redacted]&b=%0A',
    );
    expect(redactRequestTarget('/a?clientSecret=x&password=y&flag')).toBe(
      '/a?clientSecret=[Redacted]&password=[Redacted]&flag',
    );
    expect(redactRequestTarget('/no-query')).toBe('/no-query');
  });
});
