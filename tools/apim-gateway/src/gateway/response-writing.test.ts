import { describe, expect, it } from 'vitest';

import { policy, useTestGateways } from '../../test-fixtures/test-gateway.js';

const gatewayWith = useTestGateways();

const ECHO_QUERY = '@(context.Request.OriginalUrl.Query.GetValueOrDefault("q", ""))';
const GENERIC_500 = {
  statusCode: 500,
  message: 'Internal server error',
  activityId: expect.stringMatching(/^[0-9a-f-]{36}$/),
};

describe('a response HTTP cannot carry becomes APIM’s generic 500, never a crash', () => {
  it.each([
    ['a non-Latin-1 character', '%E6%97%A5'],
    ['CR/LF (header injection)', 'a%0D%0Ax-injected:%201'],
    ['a NUL control character', 'a%00b'],
  ])(
    'outbound set-header echoing %s from the query → 500 Internal server error with activityId',
    async (_what, q) => {
      const gw = await gatewayWith({
        apiPolicy: policy({
          outbound: `<base /><set-header name="x-echo" exists-action="override"><value>${ECHO_QUERY}</value></set-header>`,
        }),
      });
      const response = await gw.call(`/api/health?q=${q}`);
      expect(response.status).toBe(500);
      expect(response.headers.get('x-injected')).toBeNull();
      expect(await response.json()).toEqual(GENERIC_500);
      // the gateway is still serving
      expect((await gw.call('/api/health?q=plain')).headers.get('x-echo')).toBe('plain');
    },
  );

  it('LastError names set-header, so on-error can still reshape the failure (APIM runs on-error for policy failures)', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        outbound: `<base /><set-header name="x-echo" exists-action="override"><value>${ECHO_QUERY}</value></set-header>`,
        onError: `<base /><set-header name="x-error" exists-action="override"><value>@(context.LastError.Source + "/" + context.LastError.Section)</value></set-header>`,
      }),
    });
    const response = await gw.call('/api/health?q=%0A');
    expect(response.status).toBe(500);
    expect(response.headers.get('x-error')).toBe('set-header/outbound');
  });

  it('a header name computed by an expression that is not an HTTP token → 500, not a crash', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        outbound: `<base /><set-header name='@("x " + "bad")' exists-action="override"><value>v</value></set-header>`,
      }),
    });
    const response = await gw.call('/api/health');
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual(GENERIC_500);
  });

  it('set-status with a reason phrase holding CR/LF or non-Latin-1 → 500, not a crash', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base /><return-response><set-status code="200" reason='${ECHO_QUERY}' /></return-response>`,
      }),
    });
    for (const q of ['%E2%9C%93', 'OK%0D%0AX-Evil:%201']) {
      const response = await gw.call(`/api/health?q=${q}`);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual(GENERIC_500);
    }
    const fine = await gw.call('/api/health?q=Fine');
    expect([fine.status, fine.statusText]).toEqual([200, 'Fine']);
  });

  it('an on-error section that itself sets a bad header still ends in the generic 500', async () => {
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: `<base /><return-response><set-status code="200" reason='${ECHO_QUERY}' /></return-response>`,
        onError: `<base /><set-header name="x-echo" exists-action="override"><value>${ECHO_QUERY}</value></set-header>`,
      }),
    });
    const response = await gw.call('/api/health?q=%0A');
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual(GENERIC_500);
  });
});

describe('header names and literal values are checked when the policy loads', () => {
  it.each([
    [
      'set-header name',
      policy({
        outbound:
          '<base /><set-header name="x bad" exists-action="override"><value>v</value></set-header>',
      }),
      /not a valid HTTP header name/,
    ],
    [
      'rate-limit-by-key retry-after-header-name',
      policy({
        inbound:
          '<base /><rate-limit-by-key calls="1" renewal-period="10" counter-key="k" retry-after-header-name="Retry After" />',
      }),
      /not a valid HTTP header name/,
    ],
    [
      'mock-response content-type',
      policy({ inbound: '<base /><mock-response status-code="200" content-type="text/日本" />' }),
      /content-type.*outside Latin-1/,
    ],
    [
      'cors expose-headers header',
      policy({
        inbound:
          '<base /><cors><allowed-origins><origin>*</origin></allowed-origins><allowed-headers><header>*</header></allowed-headers><expose-headers><header>x y</header></expose-headers></cors>',
      }),
      /not a valid HTTP header name/,
    ],
  ])('%s', async (_what, apiPolicy, message) => {
    await expect(gatewayWith({ apiPolicy })).rejects.toThrow(message);
  });
});
