import { describe, expect, it } from 'vitest';

import { policy, useTestGateways } from '../../test-fixtures/test-gateway.js';

const gatewayWith = useTestGateways();

const CORS = `<cors allow-credentials="true" terminate-unmatched-request="false">
  <allowed-origins><origin>https://app.example.com</origin></allowed-origins>
  <allowed-methods preflight-result-max-age="300"><method>GET</method><method>POST</method></allowed-methods>
  <allowed-headers><header>content-type</header><header>authorization</header></allowed-headers>
  <expose-headers><header>x-correlation-id</header></expose-headers>
</cors>`;

describe('cors', () => {
  it('answers a matching preflight directly, without a subscription key', async () => {
    const gw = await gatewayWith({ apiPolicy: policy({ inbound: `<base />${CORS}` }) });
    const response = await gw.call('/api/catalog/1', {
      method: 'OPTIONS',
      key: null,
      headers: {
        Origin: 'https://app.example.com:443',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'Authorization, Content-Type',
      },
    });
    expect(response.status).toBe(200);
    expect(
      Object.fromEntries([...response.headers].filter(([k]) => k.startsWith('access-control'))),
    ).toEqual({
      'access-control-allow-origin': 'https://app.example.com:443',
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': 'authorization,content-type',
      'access-control-allow-credentials': 'true',
      'access-control-max-age': '300',
    });
    expect(gw.backend.requests).toHaveLength(0);
  });

  it('an unmatched preflight falls through (no OPTIONS operation → 404) when terminate-unmatched-request is false', async () => {
    const gw = await gatewayWith({ apiPolicy: policy({ inbound: `<base />${CORS}` }) });
    const response = await gw.call('/api/catalog/1', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example.com', 'Access-Control-Request-Method': 'GET' },
    });
    expect(response.status).toBe(404);
  });

  it('terminate-unmatched-request="true" ends an unmatched preflight with an empty 200', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({ inbound: `<base />${CORS.replace('"false"', '"true"')}` }),
    });
    const response = await gw.call('/api/catalog/1', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'DELETE' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('adds allow-origin, credentials and expose headers to simple requests from an allowed origin', async () => {
    const gw = await gatewayWith({ apiPolicy: policy({ inbound: `<base />${CORS}` }) });
    const allowed = await gw.call('/api/health', {
      headers: { Origin: 'https://app.example.com' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-expose-headers')).toBe('x-correlation-id');
    const other = await gw.call('/api/health', {
      headers: { Origin: 'https://other.example.com' },
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('check-header', () => {
  const CHECK = `<check-header name="x-tenant" failed-check-httpcode="403" failed-check-error-message="Tenant not allowed" ignore-case="true">
    <value>Contoso</value><value>Fabrikam</value>
  </check-header>`;

  it('passes when any value matches (case-insensitive when ignore-case)', async () => {
    const gw = await gatewayWith({ apiPolicy: policy({ inbound: `<base />${CHECK}` }) });
    expect((await gw.call('/api/health', { headers: { 'x-tenant': 'contoso' } })).status).toBe(200);
  });

  it('fails with the configured status and message for a missing header or a wrong value', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base />${CHECK}`,
        onError:
          '<base /><set-header name="x-reason" exists-action="override"><value>@(context.LastError.Reason)</value></set-header>',
      }),
    });
    const missing = await gw.call('/api/health');
    expect([missing.status, missing.headers.get('x-reason'), await missing.json()]).toEqual([
      403,
      'HeaderNotFound',
      { statusCode: 403, message: 'Tenant not allowed' },
    ]);
    const wrong = await gw.call('/api/health', { headers: { 'x-tenant': 'Northwind' } });
    expect([wrong.status, wrong.headers.get('x-reason')]).toEqual([403, 'HeaderValueNotAllowed']);
  });
});

describe('ip-filter', () => {
  it('allow: only listed addresses pass (loopback listed by range)', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound:
          '<base /><ip-filter action="allow"><address-range from="127.0.0.0" to="127.255.255.255" /></ip-filter>',
      }),
    });
    expect((await gw.call('/api/health')).status).toBe(200);
  });

  it('forbid: a listed address gets 403 and LastError CallerIpBlocked', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: '<base /><ip-filter action="forbid"><address>127.0.0.1</address></ip-filter>',
        onError:
          '<base /><set-header name="x-reason" exists-action="override"><value>@(context.LastError.Reason)</value></set-header>',
      }),
    });
    const response = await gw.call('/api/health');
    expect([response.status, response.headers.get('x-reason')]).toEqual([403, 'CallerIpBlocked']);
    expect(gw.backend.requests).toHaveLength(0);
  });

  it('allow without the caller listed denies with CallerIpNotAllowed', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: '<base /><ip-filter action="allow"><address>10.0.0.1</address></ip-filter>',
        onError:
          '<base /><set-header name="x-reason" exists-action="override"><value>@(context.LastError.Reason)</value></set-header>',
      }),
    });
    const response = await gw.call('/api/health');
    expect([response.status, response.headers.get('x-reason')]).toEqual([
      403,
      'CallerIpNotAllowed',
    ]);
  });
});
