import { getLogger } from '@cookbook/logging';
import { type CapturedLogs, captureLogs } from '@cookbook/logging/testing';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';

import { getRequestContext, type RequestContext } from '../context/request-context.js';
import { invokeRoute } from '../testing/invoke-route.js';
import { createCatalogItem, getCatalogItem } from './catalog.fixture.js';
import { defineRoute } from './define-route.js';

const Greeting = z.object({ message: z.string() });

function routeReturning(result: () => unknown, responses: Record<number, object> = {}) {
  return defineRoute({
    name: 'faulty',
    methods: ['GET', 'HEAD'],
    route: 'faulty',
    authLevel: 'anonymous',
    responses: {
      200: { description: 'ok', schema: Greeting },
      204: { description: 'nothing' },
      ...responses,
    },
    handler: result as never,
  });
}

describe('route pipeline', () => {
  let logs: CapturedLogs | undefined;
  afterEach(() => logs?.restore());

  it('passes validated, coerced input to the handler and sends the validated body', async () => {
    const response = await invokeRoute(getCatalogItem, { params: { item_id: '42' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.json()).toEqual({
      item_id: '42',
      name: 'Answer',
      price: 4.2,
      tags: ['classic'],
    });
  });

  it('answers a thrown httpError with its catalog problem (RFC 9457)', async () => {
    const response = await invokeRoute(getCatalogItem, { params: { item_id: '9' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.json()).toEqual({
      type: 'tag:azure-functions-cookbook,2026:problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'Catalog item 9 does not exist.',
      instance: '/api/catalog/9',
      correlationId: response.headers.get('x-correlation-id'),
    });
  });

  it('reports every invalid request part in one 422 with JSON Pointers', async () => {
    const response = await invokeRoute(getCatalogItem, {
      params: { item_id: 'abc' },
      query: { fields: ['name', 'colour'], limit: '1000' },
      headers: { 'accept-language': 'x'.repeat(65) },
    });
    expect(response.status).toBe(422);
    const pointers = response
      .json<{ errors: { pointer: string }[] }>()
      .errors.map((e) => e.pointer);
    expect(pointers).toEqual([
      '/params/item_id',
      '/query/fields/1',
      '/query/limit',
      '/headers/accept-language',
    ]);
  });

  it('logs the problem type and where the request was invalid, never the values', async () => {
    const response = await invokeRoute(getCatalogItem, {
      params: { item_id: 'secret-value-1' },
      query: { limit: 'secret-value-2' },
    });
    expect(response.status).toBe(422);
    const line = JSON.parse(response.logs[0]?.message ?? '') as Record<string, unknown>;
    expect(line).toMatchObject({
      status: 422,
      problem: 'validation-failed',
      invalid: ['/params/item_id', '/query/limit'],
    });
    expect(response.logs.map((entry) => entry.message).join()).not.toContain('secret-value');
  });

  it('turns an unhandled error into a 500 problem without stack or message, and logs it', async () => {
    logs = captureLogs();
    const route = routeReturning(() => {
      throw new Error('database password=hunter2 at db.internal:5432');
    });
    const response = await invokeRoute(route);
    expect(response.status).toBe(500);
    expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body).not.toMatch(/hunter2|db\.internal|Error:|\bat\s/);
    expect(response.json()).toMatchObject({ status: 500, title: 'Internal server error' });
    const error = logs.records.find((record) => record.level === 'error');
    expect(error).toMatchObject({ msg: 'unhandled error while handling the request' });
    expect(JSON.stringify(error)).toContain('db.internal');
  });

  it('validates the response: a body that breaks its schema becomes a 500, details only in logs', async () => {
    logs = captureLogs();
    const response = await invokeRoute(
      routeReturning(() => ({ status: 200, body: { message: 42 } })),
    );
    expect(response.status).toBe(500);
    expect(response.body).not.toContain('message');
    const error = logs.records.find((record) => record.level === 'error');
    expect(JSON.stringify(error)).toContain('/body/message');
    expect(JSON.stringify(error)).toContain('response body does not match the declared schema');
  });

  it.each([
    ['an undeclared status', () => ({ status: 201, body: { message: 'x' } })],
    ['a body on a response without schema', () => ({ status: 204, body: 'x' })],
    ['a non-object result', () => 'hello'],
    ['a header with a line break', () => ({ status: 204, headers: { 'x-a': 'a\r\nb' } })],
  ])('answers 500 when the handler returns %s', async (_case, result) => {
    const response = await invokeRoute(routeReturning(result));
    expect(response.status).toBe(500);
    expect(response.headers.get('x-a')).toBeNull();
  });

  it('strips unknown response fields (the output schema decides what leaves)', async () => {
    const response = await invokeRoute(
      routeReturning(() => ({ status: 200, body: { message: 'hi', internalNote: 'secret' } })),
    );
    expect(response.json()).toEqual({ message: 'hi' });
  });

  it('answers a declared error status without schema with its catalog problem', async () => {
    const route = routeReturning(() => ({ status: 409 }), { 409: { description: 'Conflict' } });
    const response = await invokeRoute(route);
    expect(response.status).toBe(409);
    expect(response.json()).toMatchObject({ title: 'Conflict', status: 409 });
  });

  it('sends no body for HEAD', async () => {
    const response = await invokeRoute(
      routeReturning(() => ({ status: 200, body: { message: 'hi' } })),
      {
        method: 'HEAD',
      },
    );
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
  });

  it('sends declared response headers', async () => {
    const response = await invokeRoute(createCatalogItem, { body: { name: 'Pen', price: 2 } });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/api/catalog/100');
    expect(response.json()).toEqual({ item_id: '100', name: 'Pen', price: 2, tags: [] });
  });

  it('makes the request context available anywhere below the handler', async () => {
    let seen: RequestContext | undefined;
    const route = routeReturning(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen = getRequestContext();
      return { status: 204 };
    });
    const response = await invokeRoute(route, {
      invocationId: 'inv-1',
      traceParent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
    expect(seen).toMatchObject({
      invocationId: 'inv-1',
      functionName: 'faulty',
      traceId: '0af7651916cd43dd8448eb211c80319c',
      correlationId: response.headers.get('x-correlation-id'),
      method: 'GET',
      path: '/api/faulty',
      route: 'faulty',
    });
    expect(getRequestContext()).toBeUndefined();
  });

  it('writes log lines through the invocation context, each with the correlation ids', async () => {
    const route = routeReturning(() => {
      getLogger().info({ item_id: '7' }, 'handled');
      return { status: 204 };
    });
    const response = await invokeRoute(route, {
      invocationId: 'inv-2',
      headers: { 'x-correlation-id': 'corr-1' },
    });
    // one line per handled request: the completion line of a success is debug, below LOG_LEVEL=info
    expect(response.logs).toHaveLength(1);
    expect(response.logs[0]?.level).toBe('information');
    expect(JSON.parse(response.logs[0]?.message ?? '')).toMatchObject({
      msg: 'handled',
      invocationId: 'inv-2',
      functionName: 'faulty',
      correlationId: 'corr-1',
      item_id: '7',
    });
  });

  it('logs completion at debug for 2xx/3xx, info for 4xx and error for 5xx', async () => {
    logs = captureLogs({ level: 'debug' });
    await invokeRoute(getCatalogItem, { params: { item_id: '42' } });
    await invokeRoute(getCatalogItem, { params: { item_id: '9' } });
    await invokeRoute(routeReturning(() => ({ status: 200, body: { message: 42 } })));
    const completions = logs.records.filter((record) => record.msg === 'request completed');
    expect(completions).toEqual([
      expect.objectContaining({ level: 'debug', status: 200, route: 'catalog/{item_id}' }),
      expect.objectContaining({ level: 'info', status: 404, problem: 'not-found' }),
      expect.objectContaining({ level: 'error', status: 500, problem: 'internal-error' }),
    ]);
    expect(completions[0]).not.toHaveProperty('problem');
  });
});
