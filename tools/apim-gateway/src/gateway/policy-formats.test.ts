import { describe, expect, it } from 'vitest';

import { policy, useTestGateways } from '../../test-fixtures/test-gateway.js';

const gatewayWith = useTestGateways();

// As the portal, APIOps and the policy toolkit export it: raw quotes and && inside the expression.
const RAWXML_POLICY = policy({
  outbound: `<base />
    <set-header name="x-method" exists-action="override">
      <value>@(context.Request.Method == "GET" && context.Request.Headers.GetValueOrDefault("x-a", "") != "<none>" ? "read" : "other")</value>
    </set-header>
    <set-header name="x-check" exists-action="override">
      <value>@{ return context.Request.Headers.GetValueOrDefault("x-a", "none"); }</value>
    </set-header>`,
});

describe('policy file formats: the config says what the IaC deploys each file as', () => {
  it('a rawxml export loads when policies.format is "rawxml" (APIM format: rawxml)', async () => {
    const gw = await gatewayWith({
      apiPolicy: RAWXML_POLICY,
      api: { policies: { format: 'rawxml', api: 'api-policy.xml' } },
    });
    const response = await gw.call('/api/health');
    expect(response.headers.get('x-method')).toBe('read');
  });

  it('a single file can declare its own format: { file, format }', async () => {
    const gw = await gatewayWith({
      apiPolicy: RAWXML_POLICY,
      api: { policies: { api: { file: 'api-policy.xml', format: 'rawxml' } } },
    });
    expect((await gw.call('/api/health')).headers.get('x-method')).toBe('read');
  });

  it('the same file as "xml" (the default) is refused like a format: xml deployment, saying which format to declare', async () => {
    await expect(gatewayWith({ apiPolicy: RAWXML_POLICY })).rejects.toThrow(
      /api-policy\.xml \(outbound\/set-header\/value, line 6, column \d+\): malformed XML: .*\n.*reads as APIM "rawxml".*"format": "rawxml"/,
    );
  });

  it.each([
    [`value='@("a<b")'`, /'<' is not allowed in the value of attribute "value"/],
    [`value='@("a&b")'`, /'&' must start a reference/],
  ])(
    '"xml" is truly strict: %s is rejected, as APIM rejects it in format: xml',
    async (attribute, message) => {
      const apiPolicy = policy({ inbound: `<base /><set-variable name="v" ${attribute} />` });
      await expect(gatewayWith({ apiPolicy })).rejects.toThrow(message);
      const rawxml = await gatewayWith({
        apiPolicy,
        api: { policies: { format: 'rawxml', api: 'api-policy.xml' } },
      });
      expect((await rawxml.call('/api/health')).status).toBe(200);
    },
  );

  it('rejects an unknown format in the config', async () => {
    await expect(
      gatewayWith({
        apiPolicy: RAWXML_POLICY,
        api: { policies: { format: 'raw' as 'xml', api: 'api-policy.xml' } },
      }),
    ).rejects.toThrow(/policies\.format/);
  });
});
