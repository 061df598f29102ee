import { describe, expect, it } from 'vitest';

import { policy, useTestGateways } from '../../test-fixtures/test-gateway.js';

const gatewayWith = useTestGateways();

const DUMP_LAST_ERROR = `<return-response>
  <set-status code="599" reason="Dumped" />
  <set-body>@(context.LastError.Source + "|" + context.LastError.Reason + "|" + context.LastError.Scope + "|" + context.LastError.Section + "|" + context.LastError.Path + "|" + context.LastError.PolicyId + "|" + context.LastError.Message)</set-body>
</return-response>`;

describe('on-error and context.LastError', () => {
  it('an expression failure skips the rest and jumps to on-error with the failing policy path', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base /><choose><when condition="true"><set-header id="boom" name="x" exists-action="override"><value>@((string)context.Variables["missing"])</value></set-header></when></choose>
          <set-header name="never" exists-action="override"><value>1</value></set-header>`,
        onError: `<base />${DUMP_LAST_ERROR}`,
      }),
    });
    const response = await gw.call('/api/health');
    expect(response.status).toBe(599);
    expect(await response.text()).toMatch(
      /^set-header\|ExpressionValueEvaluationFailure\|api\|inbound\|choose\/when\[1\]\/set-header\|boom\|Expression evaluation failed\. KeyNotFoundException/,
    );
    expect(gw.backend.requests).toHaveLength(0);
  });

  it('without on-error handling, an expression failure is a 500 with activityId', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: '<base /><set-variable name="x" value="@(&quot;ab&quot;.Substring(5))" />',
      }),
    });
    const response = await gw.call('/api/health');
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({
      statusCode: 500,
      message: 'Internal server error',
    });
  });

  it('on-error can decorate the prepared error response (the subscription 401 here)', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        onError: `<base /><set-header name="x-error" exists-action="override"><value>@(context.LastError.Source + "/" + context.LastError.Reason)</value></set-header>`,
      }),
    });
    const response = await gw.call('/api/health', { key: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-error')).toBe('authorization/SubscriptionKeyNotFound');
    expect(await response.json()).toMatchObject({ statusCode: 401 });
  });

  it('OperationNotFound runs the API-level on-error (Source configuration)', async () => {
    const gw = await gatewayWith({ apiPolicy: policy({ onError: `<base />${DUMP_LAST_ERROR}` }) });
    const response = await gw.call('/api/unknown');
    expect(await response.text()).toBe(
      'configuration|OperationNotFound|api|inbound|||Unable to match incoming request to an operation.',
    );
  });

  it('BackendConnectionFailure reaches on-error; set-status there changes the status', async () => {
    const gw = await gatewayWith({
      api: { serviceUrl: 'http://127.0.0.1:1' },
      apiPolicy: policy({
        onError: `<base /><choose><when condition='@(context.LastError.Reason == "BackendConnectionFailure")'><set-status code="502" reason="Bad Gateway" /></when></choose>`,
      }),
    });
    const response = await gw.call('/api/health');
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      statusCode: 500,
      message: 'Internal server error',
    });
  });

  it('forward-request timeout raises Timeout (500 by default)', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        backend: '<forward-request timeout="1" />',
        onError: `<base />${DUMP_LAST_ERROR}`,
      }),
    });
    gw.backend.respondWith((_r, res) => {
      setTimeout(() => res.end('late'), 1_500);
    });
    const response = await gw.call('/api/health');
    expect((await response.text()).split('|').slice(0, 4)).toEqual([
      'forward-request',
      'Timeout',
      'api',
      'backend',
    ]);
  });

  it('fail-on-error-status-code="true" turns backend 4xx/5xx into on-error', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        backend: '<forward-request fail-on-error-status-code="true" />',
        onError: `<base /><set-header name="x-failed" exists-action="override"><value>@(context.LastError.Source)</value></set-header>`,
      }),
    });
    gw.backend.respondWith((_r, res) => {
      res.writeHead(404);
      res.end('missing');
    });
    const response = await gw.call('/api/health');
    expect([response.status, response.headers.get('x-failed'), await response.text()]).toEqual([
      404,
      'forward-request',
      'missing',
    ]);
  });

  it('a failure inside on-error itself gives the generic 500', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: '<base /><set-variable name="x" value="@(&quot;a&quot;.Substring(3))" />',
        onError: '<base /><set-variable name="y" value="@(&quot;a&quot;.Substring(3))" />',
      }),
    });
    const response = await gw.call('/api/health');
    expect(response.status).toBe(500);
    expect(gw.logs.some((l) => l.message.startsWith('on-error section failed'))).toBe(true);
  });

  it('operation scope composes with API and global on-error through <base/>', async () => {
    const gw = await gatewayWith({
      globalPolicy: `<policies><inbound /><backend><forward-request /></backend><outbound /><on-error><set-header name="x-global" exists-action="override"><value>1</value></set-header></on-error></policies>`,
      apiPolicy: policy({
        onError:
          '<base /><set-header name="x-api" exists-action="override"><value>1</value></set-header>',
      }),
      operationPolicies: {
        getHealth: policy({
          inbound: '<base /><set-variable name="x" value="@(&quot;a&quot;.Substring(3))" />',
          onError:
            '<set-header name="x-op" exists-action="override"><value>1</value></set-header><base />',
        }),
      },
    });
    const response = await gw.call('/api/health');
    expect([
      response.headers.get('x-op'),
      response.headers.get('x-api'),
      response.headers.get('x-global'),
    ]).toEqual(['1', '1', '1']);
  });
});
