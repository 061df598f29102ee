import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  policy,
  startTestGateway,
  type TestGateway,
  useTestGateways,
} from '../../test-fixtures/test-gateway.js';
import { GatewayLoadError } from '../xml/load-error.js';

const FROM_QUERY = '@(context.Request.OriginalUrl.Query.GetValueOrDefault("q", ""))';
const GENERIC_500 = {
  statusCode: 500,
  message: 'Internal server error',
  activityId: expect.stringMatching(/^[0-9a-f-]{36}$/),
};

/** Any text a client can put in a query value: controls, CR/LF, Latin-1, CJK, emoji. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('\r\n', '\n', '\r', '\0', '\t', 'é', '日本', '😀', '\u007f', 'a: b', ' x '),
);

/** Header values and reason phrases are compared without surrounding spaces and tabs (HTTP OWS). */
const trimOws = (value: string): string => value.replace(/^[ \t]+|[ \t]+$/g, '');

interface RuntimeCase {
  path: string;
  method?: string;
  read(response: Response): string;
  /** What the client should see for a value the gateway accepted. */
  expected(value: string): string;
}

const echoed = (value: string): string => trimOws(value);

// Each operation's policy writes the query value somewhere a header or status line goes.
const RUNTIME_CASES: Record<string, RuntimeCase> = {
  'outbound set-header value': {
    path: '/api/health',
    read: (r) => r.headers.get('x-echo') ?? '',
    expected: echoed,
  },
  'outbound set-header name': {
    path: '/api/catalog/1',
    read: (r) => r.headers.get('x-fixed') ?? '',
    expected: () => 'ok',
  },
  'return-response set-status reason': {
    path: '/api/catalog',
    read: (r) => r.statusText,
    // fetch decodes the status line as UTF-8; an empty reason is sent as the standard one
    expected: (value) =>
      value === '' ? 'OK' : Buffer.from(trimOws(value), 'latin1').toString('utf8'),
  },
  'return-response set-header value': {
    path: '/api/catalog/featured',
    read: (r) => r.headers.get('x-echo') ?? '',
    expected: echoed,
  },
  'inbound set-header value (request header to the backend)': {
    path: '/api/catalog',
    method: 'POST',
    read: (r) => r.headers.get('x-backend-saw') ?? '',
    expected: echoed,
  },
  'on-error set-header value': {
    path: '/api/catalog/1',
    method: 'DELETE',
    read: (r) => r.headers.get('x-echo') ?? '',
    expected: echoed,
  },
};

describe('fuzz: random policy values through every header-writing policy never crash the gateway', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      operationPolicies: {
        getHealth: policy({
          outbound: `<base /><set-header name="x-echo" exists-action="override"><value>${FROM_QUERY}</value></set-header>`,
        }),
        getCatalogItem: policy({
          outbound: `<base /><set-header name='${FROM_QUERY}' exists-action="override"><value>v</value></set-header><set-header name="x-fixed" exists-action="override"><value>ok</value></set-header>`,
        }),
        listCatalogItems: policy({
          inbound: `<base /><return-response><set-status code="200" reason='${FROM_QUERY}' /></return-response>`,
        }),
        getFeaturedItems: policy({
          inbound: `<base /><return-response><set-status code="200" reason="OK" /><set-header name="x-echo" exists-action="override"><value>${FROM_QUERY}</value></set-header></return-response>`,
        }),
        createCatalogItem: policy({
          inbound: `<base /><set-header name="x-to-backend" exists-action="override"><value>${FROM_QUERY}</value></set-header>`,
        }),
        deleteCatalogItem: policy({
          // a missing variable fails inbound; on-error then answers 200 with the echoed header
          inbound:
            '<base /><set-variable name="x" value=\'@((string)context.Variables["missing"])\' />',
          onError: `<base /><set-status code="200" reason="OK" /><set-header name="x-echo" exists-action="override"><value>${FROM_QUERY}</value></set-header>`,
        }),
      },
    });
    gw.backend.respondWith((request, res) => {
      const saw = request.headers['x-to-backend'];
      res.writeHead(200, { 'x-backend-saw': typeof saw === 'string' ? saw : '' });
      res.end();
    });
  });
  afterAll(() => gw.close());

  it.each(Object.entries(RUNTIME_CASES))(
    '%s: the value arrives as sent, or APIM’s generic 500 is answered',
    async (_what, { path, method, read, expected }) => {
      await fc.assert(
        fc.asyncProperty(hostile, async (value) => {
          const response = await gw.call(`${path}?q=${encodeURIComponent(value)}`, {
            ...(method ? { method } : {}),
          });
          if (response.status === 500) {
            expect(await response.json()).toEqual(GENERIC_500);
            return;
          }
          expect(response.status).toBe(200);
          expect(trimOws(read(response))).toBe(expected(value));
        }),
        { numRuns: 120 },
      );
      expect((await gw.call('/api/health?q=still-up')).headers.get('x-echo')).toBe('still-up');
    },
  );
});

describe('fuzz: literal header names and values are checked when the policy loads', () => {
  const gatewayWith = useTestGateways();
  const xmlEscape = (text: string): string =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const LOAD_CASES: Record<string, (value: string) => string> = {
    'set-header name': (v) =>
      policy({
        outbound: `<base /><set-header name="${xmlEscape(v)}" exists-action="override"><value>x</value></set-header>`,
      }),
    'set-header literal value': (v) =>
      policy({
        outbound: `<base /><set-header name="x-lit" exists-action="override"><value>${xmlEscape(v)}</value></set-header>`,
      }),
    'rate-limit-by-key remaining-calls-header-name': (v) =>
      policy({
        inbound: `<base /><rate-limit-by-key calls="5" renewal-period="10" counter-key="k" remaining-calls-header-name="${xmlEscape(v)}" />`,
      }),
    'mock-response content-type': (v) =>
      policy({
        inbound: `<base /><mock-response status-code="200" content-type="${xmlEscape(v)}" />`,
      }),
    'cors expose-headers': (v) =>
      policy({
        inbound: `<base /><cors><allowed-origins><origin>*</origin></allowed-origins><allowed-headers><header>*</header></allowed-headers><expose-headers><header>${xmlEscape(v)}</header></expose-headers></cors>`,
      }),
    'set-status reason': (v) =>
      policy({
        inbound: `<base /><return-response><set-status code="200" reason="${xmlEscape(v)}" /></return-response>`,
      }),
  };

  it.each(Object.entries(LOAD_CASES))(
    '%s: a load error naming the file, or a gateway that answers without crashing',
    async (_what, build) => {
      await fc.assert(
        fc.asyncProperty(hostile, async (value) => {
          let gw: TestGateway;
          try {
            gw = await gatewayWith({ apiPolicy: build(value) });
          } catch (error) {
            expect(error).toBeInstanceOf(GatewayLoadError);
            expect((error as Error).message).toMatch(/api-policy\.xml/);
            return;
          }
          const response = await gw.call('/api/health', {
            headers: { Origin: 'https://a.example' },
          });
          expect([200, 500]).toContain(response.status);
          await gw.close();
        }),
        { numRuns: 25 },
      );
    },
  );
});
