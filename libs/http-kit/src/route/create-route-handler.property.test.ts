import { captureLogs } from '@cookbook/logging/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  invokeRoute,
  type InvokeRouteOptions,
  type InvokeRouteResult,
} from '../testing/invoke-route.js';
import { createCatalogItem, getCatalogItem } from './catalog.fixture.js';
import type { AnyRoute } from './route-types.js';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const STACK_LINE = /\n\s+at |\bat [\w.<>]+ \(|node:internal|\.ts:\d+/;

// Header values that can actually reach a function: no CR, LF or NUL, Latin-1 only.
const headerValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({
    unit: fc
      .integer({ min: 1, max: 255 })
      .filter((c) => c !== 10 && c !== 13)
      .map((c) => String.fromCharCode(c)),
    maxLength: 200,
  }),
  fc.constant('x'.repeat(10_000)),
);
const headerName = fc
  .stringMatching(/^[a-z][a-z0-9-]{0,24}$/)
  .filter(
    (name) => !['content-length', 'content-type', 'host', 'transfer-encoding'].includes(name),
  );
const secret = fc.stringMatching(/^[A-Za-z0-9]{24,40}$/).map((value) => `S3CR3T${value}`);
const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

const request = fc.record({
  itemId: fc.oneof(
    fc.constantFrom('42', '7', '404', '0'),
    anyText.filter((text) => text.length > 0),
  ),
  query: fc.dictionary(
    fc.oneof(fc.constantFrom('fields', 'limit', 'code'), anyText),
    fc.oneof(anyText, fc.array(anyText, { maxLength: 4 })),
    { maxKeys: 5 },
  ),
  headers: fc.dictionary(
    fc.oneof(
      fc.constantFrom(
        'x-correlation-id',
        'x-request-id',
        'x-apim-gateway',
        'x-apim-cache',
        'accept-language',
        'if-none-match',
        'x-forwarded-for',
      ),
      headerName,
    ),
    headerValue,
    { maxKeys: 6 },
  ),
  body: fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        name: anyText,
        price: fc.oneof(fc.double(), fc.integer(), anyText),
        tags: fc.array(anyText),
      },
      { requiredKeys: [] },
    ),
    fc.string({ maxLength: 2000 }),
    fc.uint8Array({ maxLength: 64 }),
  ),
  contentType: fc.option(
    fc.constantFrom(
      'application/json',
      'text/plain',
      'application/problem+json; charset=latin1',
      'application/json; charset=utf-8',
    ),
    { nil: undefined },
  ),
  secrets: fc.record({ functionKey: secret, code: secret, authorization: secret }),
});

type Sample = typeof request extends fc.Arbitrary<infer T> ? T : never;

function optionsFor(route: AnyRoute, sample: Sample): InvokeRouteOptions {
  const headers: Record<string, string> = {
    ...sample.headers,
    'x-functions-key': sample.secrets.functionKey,
    authorization: `Bearer ${sample.secrets.authorization}`,
  };
  if (sample.contentType) headers['content-type'] = sample.contentType;
  return {
    params: { item_id: sample.itemId },
    query: { ...sample.query, code: sample.secrets.code },
    headers,
    ...(route.methods.includes('POST') ? { body: sample.body } : {}),
  };
}

async function invokeCapturing(
  route: AnyRoute,
  sample: Sample,
): Promise<[InvokeRouteResult, string[], Record<string, unknown>[]]> {
  // debug too, so the completion line of a 2xx is checked as well
  const logs = captureLogs({ level: 'debug' });
  try {
    const response = await invokeRoute(route, optionsFor(route, sample));
    return [response, [...logs.lines], [...logs.records]];
  } finally {
    logs.restore();
  }
}

describe.each([
  ['GET catalog/{item_id}', getCatalogItem],
  ['POST catalog', createCatalogItem],
])('%s with random paths, queries, headers and bodies', (_name, route) => {
  it('never answers 500, never leaks a stack, always echoes a safe correlation id', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (sample) => {
        const [response] = await invokeCapturing(route, sample);
        expect(response.status).toBeLessThan(500);
        expect(response.body).not.toMatch(STACK_LINE);
        const correlationId = response.headers.get('x-correlation-id') ?? '';
        expect(correlationId).toMatch(SAFE_ID);
        const sent = sample.headers['x-correlation-id']?.trim();
        if (sent !== undefined && SAFE_ID.test(sent)) expect(correlationId).toBe(sent);
        if (response.status >= 400) {
          expect(response.json()).toMatchObject({ status: response.status, correlationId });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('puts the correlation id in every log line and no key or token anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (sample) => {
        const [response, lines, records] = await invokeCapturing(route, sample);
        const correlationId = response.headers.get('x-correlation-id');
        expect(records.length).toBeGreaterThan(0);
        for (const record of records) expect(record.correlationId).toBe(correlationId);
        for (const value of Object.values(sample.secrets)) {
          for (const line of lines) expect(line).not.toContain(value);
          expect(response.body).not.toContain(value);
        }
      }),
      { numRuns: 150 },
    );
  });
});
