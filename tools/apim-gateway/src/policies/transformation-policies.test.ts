import { describe, expect, it } from 'vitest';

import { policy, useTestGateways } from '../../test-fixtures/test-gateway.js';
import { startRecordingBackend } from '../testing.js';

const gatewayWith = useTestGateways();

describe('set-header', () => {
  it('override / skip / append / delete on the request (inbound)', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base />
          <set-header name="x-over" exists-action="override"><value>new</value></set-header>
          <set-header name="x-skip" exists-action="skip"><value>new</value></set-header>
          <set-header name="x-skip-absent" exists-action="skip"><value>added</value></set-header>
          <set-header name="x-append" exists-action="append"><value>b</value></set-header>
          <set-header name="x-delete" exists-action="delete" />
          <set-header name="x-multi"><value>a</value><value>@("b")</value></set-header>`,
      }),
    });
    await gw.call('/api/health', {
      headers: { 'x-over': 'old', 'x-skip': 'old', 'x-append': 'a', 'x-delete': 'gone' },
    });
    const headers = gw.backend.requests[0]?.headers ?? {};
    expect(headers['x-over']).toBe('new');
    expect(headers['x-skip']).toBe('old');
    expect(headers['x-skip-absent']).toBe('added');
    expect(headers['x-append']).toBe('a, b');
    expect(headers['x-delete']).toBeUndefined();
    expect(headers['x-multi']).toBe('a,b');
  });

  it('acts on the response in outbound and sends Set-Cookie values as separate lines', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        outbound: `<base />
          <set-header name="x-status" exists-action="override"><value>@(context.Response.StatusCode.ToString())</value></set-header>
          <set-header name="Set-Cookie" exists-action="override"><value>a=1</value><value>b=2</value></set-header>
          <set-header name="x-backend" exists-action="delete" />`,
      }),
    });
    gw.backend.respondWith((_r, res) => {
      res.writeHead(202, { 'x-backend': 'secret' });
      res.end();
    });
    const response = await gw.call('/api/health');
    expect(response.headers.get('x-status')).toBe('202');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('x-backend')).toBeNull();
  });
});

describe('set-query-parameter and rewrite-uri', () => {
  it('changes the query string the backend receives', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base />
          <set-query-parameter name="subscription-key" exists-action="delete" />
          <set-query-parameter name="a" exists-action="override"><value>2</value></set-query-parameter>
          <set-query-parameter name="b" exists-action="append"><value>y</value></set-query-parameter>
          <set-query-parameter name="c" exists-action="skip"><value>ignored</value></set-query-parameter>`,
      }),
    });
    await gw.call('/api/health?subscription-key=k&a=1&b=x&c=keep', {
      key: null,
      headers: { 'Ocp-Apim-Subscription-Key': 'test-subscription-key' },
    });
    expect(gw.backend.requests[0]?.url).toBe('/api/health?a=2&b=x&c=keep&b=y');
  });

  it('rewrite-uri fills {param} from the operation template and copies unmatched query parameters', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: '<base /><rewrite-uri template="/items/{item_id}/details?source=gw" />',
      }),
    });
    await gw.call('/api/catalog/a%2Fb?x=1');
    expect(gw.backend.requests[0]?.url).toBe('/api/items/a%2Fb/details?source=gw&x=1');
  });

  it('rewrite-uri copy-unmatched-params="false" drops the original query', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: '<base /><rewrite-uri template="/health2" copy-unmatched-params="false" />',
      }),
    });
    await gw.call('/api/health?x=1');
    expect(gw.backend.requests[0]?.url).toBe('/api/health2');
  });
});

describe('set-backend-service', () => {
  it('backend-id routes to the configured backend and applies its credentials (x-functions-key)', async () => {
    const gw = await gatewayWith({
      useServiceUrl: false,
      apiPolicy: policy({
        inbound: '<base /><set-backend-service backend-id="catalog-backend" />',
      }),
    });
    const response = await gw.call('/api/catalog/7');
    expect(response.status).toBe(200);
    expect(gw.backend.requests[0]?.url).toBe('/api/catalog/7');
    expect(gw.backend.requests[0]?.headers['x-functions-key']).toBe('local-function-key');
  });

  it('base-url replaces the service URL; context.Request.Url follows it, OriginalUrl does not', async () => {
    const other = await startRecordingBackend();
    try {
      const gw = await gatewayWith({
        apiPolicy: policy({
          inbound: `<base />
            <set-backend-service base-url='@("${other.url}" + "/v2")' />
            <set-header name="x-url" exists-action="override"><value>@(context.Request.Url.Path + "|" + context.Request.OriginalUrl.Path)</value></set-header>`,
        }),
      });
      expect((await gw.call('/api/health?q=1')).status).toBe(200);
      expect(gw.backend.requests).toHaveLength(0);
      expect(other.requests[0]?.url).toBe('/v2/health?q=1');
      expect(other.requests[0]?.headers['x-url']).toBe('/v2/health|/api/health');
      expect(other.requests[0]?.headers['x-functions-key']).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});

describe('set-variable, choose, set-status, set-body, return-response', () => {
  it('choose runs the first matching when, else otherwise', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base />
          <set-variable name="tier" value='@(context.Request.Headers.GetValueOrDefault("x-tier", "free"))' />
          <choose>
            <when condition='@((string)context.Variables["tier"] == "gold")'>
              <return-response><set-status code="299" reason="Gold" /><set-body>gold</set-body></return-response>
            </when>
            <when condition='@(context.Variables.GetValueOrDefault&lt;string&gt;("tier") == "silver")'>
              <return-response>
                <set-status code="298" reason="Silver" />
                <set-header name="Content-Type" exists-action="override"><value>text/plain</value></set-header>
                <set-body>@("silver for " + context.Subscription.Name)</set-body>
              </return-response>
            </when>
            <otherwise><set-header name="x-tier" exists-action="override"><value>basic</value></set-header></otherwise>
          </choose>`,
      }),
    });
    const gold = await gw.call('/api/health', { headers: { 'x-tier': 'gold' } });
    expect([gold.status, await gold.text()]).toEqual([299, 'gold']);
    const silver = await gw.call('/api/health', { headers: { 'x-tier': 'silver' } });
    expect([
      silver.status,
      silver.statusText,
      silver.headers.get('content-type'),
      await silver.text(),
    ]).toEqual([298, 'Silver', 'text/plain', 'silver for Developer']);
    await gw.call('/api/health');
    expect(gw.backend.requests).toHaveLength(1);
    expect(gw.backend.requests[0]?.headers['x-tier']).toBe('basic');
  });

  it('return-response skips backend and outbound', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: '<base /><return-response />',
        outbound:
          '<base /><set-header name="x-outbound" exists-action="override"><value>ran</value></set-header>',
      }),
    });
    const response = await gw.call('/api/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-outbound')).toBeNull();
    expect(await response.text()).toBe('');
    expect(gw.backend.requests).toHaveLength(0);
  });

  it('set-body in inbound replaces the request body; in outbound the response body', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: '<base /><set-body>@("wrapped:" + context.Request.Method)</set-body>',
        outbound: '<base /><set-status code="203" reason="Changed" /><set-body>done</set-body>',
      }),
    });
    const response = await gw.call('/api/catalog', { method: 'POST', body: 'original' });
    expect(gw.backend.requests[0]?.body).toBe('wrapped:POST');
    expect([response.status, await response.text()]).toEqual([203, 'done']);
  });

  it('without forward-request the backend is never called and outbound runs on an empty 200', async () => {
    const gw = await gatewayWith({
      globalPolicy: '<policies><inbound /><backend /><outbound /><on-error /></policies>',
      apiPolicy: policy({
        outbound:
          '<base /><set-header name="x-outbound" exists-action="override"><value>ran</value></set-header>',
      }),
    });
    const response = await gw.call('/api/health');
    expect([response.status, response.headers.get('x-outbound')]).toEqual([200, 'ran']);
    expect(gw.backend.requests).toHaveLength(0);
  });
});

describe('mock-response', () => {
  it('returns the OpenAPI example for the status and content type', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: '<base /><mock-response status-code="200" content-type="application/json" />',
      }),
    });
    const response = await gw.call('/api/catalog/42');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: '42', name: 'Example item', price: 9.5 });
    expect(gw.backend.requests).toHaveLength(0);
  });

  it('generates a body from the schema when there is no example, and is empty when nothing is declared', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({ inbound: '<base /><mock-response status-code="404" />' }),
    });
    const notFound = await gw.call('/api/catalog/42');
    expect([notFound.status, await notFound.json()]).toEqual([404, { title: 'string', status: 0 }]);
    const health = await gw.call('/api/health');
    expect([health.status, await health.text()]).toEqual([404, '']);
  });
});

describe('logged no-ops', () => {
  it('trace, emit-metric, log-to-eventhub and authentication-managed-identity log and continue', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base />
          <trace source="test" severity="information"><message>@("hello " + context.Request.Method)</message><metadata name="k" value="v" /></trace>
          <emit-metric name="calls" value="1"><dimension name="api" value="catalog" /></emit-metric>
          <log-to-eventhub logger-id="hub">@(context.RequestId.ToString())</log-to-eventhub>
          <authentication-managed-identity resource="api://backend" />`,
      }),
    });
    expect((await gw.call('/api/health')).status).toBe(200);
    expect(gw.backend.requests[0]?.headers['authorization']).toBeUndefined();
    expect(gw.logs.map((l) => l.message)).toEqual([
      'trace',
      'emit-metric (not sent: local gateway)',
      'log-to-eventhub (not sent: local gateway)',
      'authentication-managed-identity skipped (local gateway has no managed identity)',
    ]);
    expect(gw.logs[0]?.fields).toMatchObject({
      source: 'test',
      message: 'hello GET',
      metadata: { k: 'v' },
    });
  });
});
