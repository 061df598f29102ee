import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { httpError } from '../errors/http-problem.js';
import { invokeRoute } from '../testing/invoke-route.js';
import { defineRoute } from './define-route.js';
import type { HandlerContext } from './route-types.js';

const Echo = z.object({ bytes: z.number(), verified: z.boolean(), body: z.unknown().optional() });

function signedRoute(options: { body?: z.ZodType; limit?: number; refuse?: boolean } = {}) {
  const seen: { verified: Uint8Array[]; handled: number } = { verified: [], handled: 0 };
  const route = defineRoute({
    name: 'signed',
    methods: ['POST'],
    route: 'signed',
    authLevel: 'anonymous',
    context: {
      gate: () => {
        if (options.refuse) throw httpError('unauthorized', 'No signature header.');
        return 'open';
      },
    },
    ...(options.body ? { request: { body: options.body } } : {}),
    ...(options.limit !== undefined ? { bodyLimitBytes: options.limit } : {}),
    rawBody: {
      verify(bytes: Uint8Array, context: HandlerContext<{ gate: string }>) {
        seen.verified.push(bytes);
        expect(context.requestContext.gate).toBe('open');
        if (new TextDecoder().decode(bytes).includes('forged')) {
          throw httpError('unauthorized', 'The signature does not match.');
        }
      },
    },
    responses: { 200: { description: 'ok', schema: Echo } },
    handler: ({ body }, { rawBody }) => {
      seen.handled += 1;
      return { status: 200, body: { bytes: rawBody?.byteLength ?? -1, verified: true, body } };
    },
  });
  return { route, seen };
}

describe('rawBody routes (HMAC-style verification before parsing)', () => {
  it('hands verify and the handler the exact bytes that arrived, whitespace and all', async () => {
    const { route, seen } = signedRoute();
    const bytes = new Uint8Array([0x7b, 0x20, 0x0a, 0xff, 0x7d]); // not even valid UTF-8
    const response = await invokeRoute(route, { body: bytes });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ bytes: 5, verified: true });
    expect([...(seen.verified[0] ?? [])]).toEqual([...bytes]);
  });

  it('refuses in verify before any parsing: a forged, malformed body gets 401, not 400', async () => {
    const { route, seen } = signedRoute({ body: z.object({ a: z.number() }) });
    const response = await invokeRoute(route, {
      body: '{forged',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(401);
    expect(response.json()).toMatchObject({ detail: 'The signature does not match.' });
    expect(seen.handled).toBe(0);
  });

  it('parses a declared JSON body from the same bytes once verified', async () => {
    const { route } = signedRoute({ body: z.object({ a: z.number() }) });
    const ok = await invokeRoute(route, { body: { a: 1 } });
    expect(ok.json()).toEqual({ bytes: 7, verified: true, body: { a: 1 } });
    const invalid = await invokeRoute(route, { body: { a: 'x' } });
    expect(invalid.status).toBe(422);
    const malformed = await invokeRoute(route, {
      body: '{"a":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
  });

  it('answers 413 from Content-Length before reading or verifying anything', async () => {
    const { route, seen } = signedRoute({ limit: 4 });
    const response = await invokeRoute(route, { body: 'hello' });
    expect(response.status).toBe(413);
    expect(seen.verified).toHaveLength(0);
  });

  it('answers 413 while reading when the body outgrows a smaller Content-Length', async () => {
    const { route, seen } = signedRoute({ limit: 4 });
    const response = await invokeRoute(route, {
      body: 'hello',
      headers: { 'content-length': '1' },
    });
    expect(response.status).toBe(413);
    expect(seen.verified).toHaveLength(0);
  });

  it('runs context extensions first: one that refuses stops the body from being read', async () => {
    const { route, seen } = signedRoute({ refuse: true });
    const response = await invokeRoute(route, { body: 'x' });
    expect(response.status).toBe(401);
    expect(seen.verified).toHaveLength(0);
  });

  it('gives rawBody: true routes the bytes without a verify step', async () => {
    const route = defineRoute({
      name: 'raw',
      methods: ['POST'],
      route: 'raw',
      authLevel: 'anonymous',
      rawBody: true,
      responses: { 200: { description: 'ok', schema: z.string(), contentType: 'text/plain' } },
      handler: (_input, { rawBody }) => ({ status: 200, body: new TextDecoder().decode(rawBody) }),
    });
    expect((await invokeRoute(route, { body: 'payload=%7B%7D' })).body).toBe('payload=%7B%7D');
  });

  it('refuses inconsistent declarations when the route is defined', () => {
    const base = {
      name: 'bad',
      route: 'bad',
      authLevel: 'anonymous',
      responses: { 204: { description: 'none' } },
      handler: () => ({ status: 204 as const }),
    } as const;
    expect(() => defineRoute({ ...base, methods: ['GET'], rawBody: true })).toThrow(
      'rawBody needs a method that carries a body',
    );
    expect(() =>
      defineRoute({ ...base, methods: ['POST'], rawBody: { verify: 'no' } as never }),
    ).toThrow('rawBody must be true or { verify(bytes, context) }');
  });
});
