import { connect } from 'node:net';

import { startHostServer } from '@cookbook/functions-host';
import { invokeRoute } from '@cookbook/http-kit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { TEST_HOST_KEY } from '../testing/catalog-host-settings.js';
import { useCatalogHost } from '../testing/use-catalog-host.js';
import { getCatalogItem } from './get-catalog-item.js';

// http-kit's rule for ids it will log and echo; anything else is replaced by a UUID.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const STACK_TRACE = /\n\s+at |\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\.js:\d+/;
const SECRETS = {
  subscriptionKey: 'sub-key-5f1b2c3d4e5f60718293a4b5c6d7e8f9',
  bearerToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtdXNlciJ9.c2lnbmF0dXJlLXNlY3JldA',
};

const catalog = useCatalogHost();

// Header values a fetch client can send: Latin-1 without NUL, CR and LF (those never parse).
const headerText = (maxLength: number) =>
  fc.string({
    unit: fc
      .integer({ min: 1, max: 0xff })
      .filter((code) => code !== 0x0a && code !== 0x0d)
      .map((code) => String.fromCharCode(code)),
    maxLength,
  });

const correlationId = fc.oneof(
  fc.constant(undefined),
  fc.stringMatching(SAFE_ID),
  headerText(200),
  fc.constant('a'.repeat(10_240)),
  fc.constant('id\u0001with\u007fcontrol\tchars'),
  fc.constant('"><script>alert(1)</script>'),
);

const itemId = fc.oneof(
  fc.constantFrom('42', 'apim-field-guide', 'functions-mug', 'cold-start_kit', 'health', 'HEALTH'),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
);

const request = fc.record({
  itemId,
  correlationId,
  viaApim: fc.boolean(),
  cacheHeader: fc.constantFrom(undefined, 'HIT', 'MISS', 'hit', 'garbage', ''),
  ifNoneMatch: fc.option(headerText(100), { nil: undefined }),
});

interface CatalogInput {
  correlationId: string | undefined;
  viaApim: boolean;
  cacheHeader: string | undefined;
  ifNoneMatch: string | undefined;
}

function headersFor(input: CatalogInput): Record<string, string> {
  return {
    ...(input.correlationId === undefined ? {} : { 'x-correlation-id': input.correlationId }),
    ...(input.viaApim ? { 'x-apim-gateway': 'azure-api-management' } : {}),
    ...(input.cacheHeader === undefined ? {} : { 'x-apim-cache': input.cacheHeader }),
    ...(input.ifNoneMatch === undefined ? {} : { 'if-none-match': input.ifNoneMatch }),
    authorization: `Bearer ${SECRETS.bearerToken}`,
    'ocp-apim-subscription-key': SECRETS.subscriptionKey,
    'x-functions-key': TEST_HOST_KEY,
  };
}

// In-process, as the host hands the request over: the id arrives percent-decoded.
const send = (itemId: string, headers: Record<string, string>) =>
  invokeRoute(getCatalogItem, { params: { item_id: itemId }, headers });

function jsonLines(logs: readonly { message: string }[]): Record<string, unknown>[] {
  return logs.map((entry) => JSON.parse(entry.message) as Record<string, unknown>);
}

describe('catalog endpoints under arbitrary input (fast-check)', () => {
  it('never answer 5xx and never put a stack trace in a body', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const response = await send(input.itemId, headersFor(input));
        expect([200, 304, 404, 422]).toContain(response.status);
        expect(response.body).not.toMatch(STACK_TRACE);
        if (response.body !== '') expect(() => response.json()).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it('echo a safe x-correlation-id and replace anything else, including 10 kB and control characters', async () => {
    await fc.assert(
      fc.asyncProperty(correlationId, async (sent) => {
        const response = await send('42', sent === undefined ? {} : { 'x-correlation-id': sent });
        const body = response.json<{ correlation_id: string }>();
        const echoed = response.headers.get('x-correlation-id') ?? '';
        expect(echoed).toMatch(SAFE_ID);
        expect(body.correlation_id).toBe(echoed);
        const normalized = sent?.trim();
        if (normalized !== undefined && SAFE_ID.test(normalized)) expect(echoed).toBe(normalized);
        else expect(echoed).not.toBe(sent);
      }),
      { numRuns: 150 },
    );
  });

  it('never write a log line without a correlation id, nor one holding a secret', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const { logs } = await send(input.itemId, headersFor(input));
        for (const record of jsonLines(logs)) {
          expect(record.correlationId, JSON.stringify(record)).toMatch(SAFE_ID);
        }
        for (const entry of logs) {
          for (const secret of [TEST_HOST_KEY, ...Object.values(SECRETS)]) {
            expect(entry.message).not.toContain(secret);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('a raw newline in x-correlation-id (header injection)', () => {
  it('never reaches a response header', async () => {
    const server = await startHostServer(catalog.host);
    try {
      const raw = await new Promise<string>((resolveRaw, reject) => {
        const socket = connect(server.port, '127.0.0.1');
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString('latin1')));
        socket.on('end', () => resolveRaw(received));
        socket.on('error', reject);
        socket.write(
          'GET /api/catalog/42 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n' +
            `x-functions-key: ${TEST_HOST_KEY}\r\n` +
            'x-correlation-id: abc\nSet-Cookie: injected=1\r\n\r\n',
        );
      });
      const [statusLine = '', ...headerLines] = raw.split('\r\n\r\n')[0]?.split('\r\n') ?? [];
      expect(statusLine).toMatch(/^HTTP\/1\.1 (200|400) /);
      expect(headerLines.some((line) => /^set-cookie:/i.test(line))).toBe(false);
      const echoed = headerLines.find((line) => /^x-correlation-id:/i.test(line));
      if (echoed !== undefined) expect(echoed.split(':')[1]?.trim()).toMatch(SAFE_ID);
    } finally {
      await server.close();
    }
  });
});
