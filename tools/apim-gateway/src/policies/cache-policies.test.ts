import { describe, expect, it } from 'vitest';

import { policy, useTestGateways } from '../../test-fixtures/test-gateway.js';

const gatewayWith = useTestGateways();

// The HIT/MISS marker pattern from the recipe: set in inbound after cache-lookup, read after cache-store.
const CACHED_OPERATION = policy({
  inbound: `<base />
    <set-variable name="cache" value="HIT" />
    <cache-lookup vary-by-developer="false" vary-by-developer-groups="false">
      <vary-by-header>Accept</vary-by-header>
    </cache-lookup>
    <set-variable name="cache" value="MISS" />`,
  outbound: `<base />
    <set-header name="x-before-store" exists-action="override"><value>@((string)context.Variables["cache"])</value></set-header>
    <cache-store duration="60" />
    <set-header name="x-apim-cache" exists-action="override"><value>@((string)context.Variables["cache"])</value></set-header>`,
});

describe('cache-lookup / cache-store', () => {
  it('a HIT returns the stored response, skips the backend and resumes outbound after cache-store', async () => {
    const gw = await gatewayWith({ operationPolicies: { getCatalogItem: CACHED_OPERATION } });
    let served = 0;
    gw.backend.respondWith((_r, res) => {
      served++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ served }));
    });
    const miss = await gw.call('/api/catalog/1');
    expect([miss.headers.get('x-apim-cache'), await miss.json()]).toEqual(['MISS', { served: 1 }]);
    const hit = await gw.call('/api/catalog/1');
    expect([hit.status, hit.headers.get('x-apim-cache'), await hit.json()]).toEqual([
      200,
      'HIT',
      { served: 1 },
    ]);
    // A header set before cache-store is part of the stored response (replayed as MISS).
    expect(hit.headers.get('x-before-store')).toBe('MISS');
    expect(gw.backend.requests).toHaveLength(1);
  });

  it('distinct requests never share an entry: "|" in a query value cannot fake a vary-by-header part', async () => {
    const gw = await gatewayWith({ operationPolicies: { getCatalogItem: CACHED_OPERATION } });
    await gw.call('/api/catalog/1?x=%7Ch:accept=z', { headers: { Accept: 'w' } });
    const other = await gw.call('/api/catalog/1?x=', { headers: { Accept: 'z|h:accept=w' } });
    expect(other.headers.get('x-apim-cache')).toBe('MISS');
    expect(gw.backend.requests).toHaveLength(2);
  });

  it('keys on the path and vary-by-header values', async () => {
    const gw = await gatewayWith({ operationPolicies: { getCatalogItem: CACHED_OPERATION } });
    await gw.call('/api/catalog/1', { headers: { Accept: 'application/json' } });
    expect(
      (await gw.call('/api/catalog/2', { headers: { Accept: 'application/json' } })).headers.get(
        'x-apim-cache',
      ),
    ).toBe('MISS');
    expect(
      (await gw.call('/api/catalog/1', { headers: { Accept: 'text/plain' } })).headers.get(
        'x-apim-cache',
      ),
    ).toBe('MISS');
    expect(
      (await gw.call('/api/catalog/1', { headers: { Accept: 'application/json' } })).headers.get(
        'x-apim-cache',
      ),
    ).toBe('HIT');
  });

  it('only stores 200 responses unless cache-response="true"', async () => {
    const gw = await gatewayWith({ operationPolicies: { getCatalogItem: CACHED_OPERATION } });
    gw.backend.respondWith((_r, res) => {
      res.writeHead(404);
      res.end();
    });
    await gw.call('/api/catalog/9');
    expect((await gw.call('/api/catalog/9')).headers.get('x-apim-cache')).toBe('MISS');
    expect(gw.backend.requests).toHaveLength(2);
  });

  it('skips requests with Authorization unless allow-private-response-caching="true"', async () => {
    const gw = await gatewayWith({ operationPolicies: { getCatalogItem: CACHED_OPERATION } });
    const auth = { Authorization: 'Bearer x' };
    await gw.call('/api/catalog/1', { headers: auth });
    expect((await gw.call('/api/catalog/1', { headers: auth })).headers.get('x-apim-cache')).toBe(
      'MISS',
    );
    const allowed = await gatewayWith({
      operationPolicies: {
        getCatalogItem: CACHED_OPERATION.replace(
          'vary-by-developer-groups="false"',
          'vary-by-developer-groups="false" allow-private-response-caching="true"',
        ),
      },
    });
    await allowed.call('/api/catalog/1', { headers: auth });
    expect(
      (await allowed.call('/api/catalog/1', { headers: auth })).headers.get('x-apim-cache'),
    ).toBe('HIT');
  });

  it('caches GET only and strips request cache headers on a miss', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound:
          '<base /><cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />',
        outbound: '<base /><cache-store duration="60" />',
      }),
    });
    await gw.call('/api/catalog/1', { method: 'DELETE' });
    await gw.call('/api/catalog/1', { method: 'DELETE' });
    await gw.call('/api/catalog/1', { headers: { 'Cache-Control': 'no-cache' } });
    await gw.call('/api/catalog/1');
    expect(gw.backend.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE', 'GET']);
    expect(gw.backend.requests[2]?.headers['cache-control']).toBeUndefined();
  });
});

describe('cache-lookup-value / cache-store-value / cache-remove-value', () => {
  it('stores, reads with default, and removes values', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base />
          <cache-lookup-value key="counter" variable-name="v" default-value="none" />
          <choose>
            <when condition='@(context.Request.Url.Query.ContainsKey("store"))'><cache-store-value key="counter" value="stored" duration="60" /></when>
            <when condition='@(context.Request.Url.Query.ContainsKey("remove"))'><cache-remove-value key="counter" /></when>
          </choose>
          <return-response><set-body>@((string)context.Variables["v"])</set-body></return-response>`,
      }),
    });
    expect(await (await gw.call('/api/health')).text()).toBe('none');
    await gw.call('/api/health?store=1');
    expect(await (await gw.call('/api/health')).text()).toBe('stored');
    await gw.call('/api/health?remove=1');
    expect(await (await gw.call('/api/health')).text()).toBe('none');
  });

  it('leaves the variable unset on a miss without default-value', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base /><cache-lookup-value key="nothing" variable-name="v" />
          <return-response><set-body>@(context.Variables.ContainsKey("v") ? "set" : "unset")</set-body></return-response>`,
      }),
    });
    expect(await (await gw.call('/api/health')).text()).toBe('unset');
  });
});
