import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { defineRoute } from '../route/define-route.js';
import { createFakeHttpRequest } from './fake-http-request.js';
import { invokeRoute } from './invoke-route.js';

const echo = defineRoute({
  name: 'echo',
  methods: ['GET', 'POST'],
  route: 'echo/{id:int}/{*rest}',
  authLevel: 'anonymous',
  request: { query: z.object({ tag: z.array(z.string()).default([]) }) },
  responses: {
    200: {
      description: 'echo',
      schema: z.object({
        url: z.string(),
        params: z.record(z.string(), z.string()),
        tag: z.array(z.string()),
      }),
    },
  },
  handler: ({ params, query }, { request }) => ({
    status: 200,
    body: { url: request.url, params: { ...params } as Record<string, string>, tag: query.tag },
  }),
});

describe('invokeRoute', () => {
  it('fills the route template into the URL and passes params like the host', async () => {
    const response = await invokeRoute(echo, { params: { id: '7', rest: 'a b/c' } });
    expect(response.json()).toMatchObject({
      url: 'http://localhost:7071/api/echo/7/a%20b/c',
      params: { id: '7', rest: 'a b/c' },
    });
  });

  it('leaves out an absent optional trailing parameter', async () => {
    const response = await invokeRoute(echo, { params: { id: '7' } });
    expect(response.json()).toMatchObject({ url: 'http://localhost:7071/api/echo/7' });
  });

  it('delivers repeated query keys joined with commas by default, like the host (#168)', async () => {
    const request = createFakeHttpRequest({ query: { tag: ['a', 'b'] } });
    expect(request.query.getAll('tag')).toEqual(['a,b']);
    const response = await invokeRoute(echo, { params: { id: '1' }, query: { tag: ['a', 'b'] } });
    expect(response.json()).toMatchObject({ tag: ['a', 'b'] });
  });

  it('keeps repeated query keys apart in stream mode', async () => {
    const request = createFakeHttpRequest({ query: { tag: ['a', 'b'] }, queryMode: 'stream' });
    expect(request.query.getAll('tag')).toEqual(['a', 'b']);
    const response = await invokeRoute(echo, {
      params: { id: '1' },
      query: { tag: ['a', 'b'] },
      queryMode: 'stream',
    });
    expect(response.json()).toMatchObject({ tag: ['a', 'b'] });
  });

  it('sends objects as JSON with content type and length', async () => {
    const request = createFakeHttpRequest({ method: 'POST', body: { a: 1 } });
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.get('content-length')).toBe('7');
    expect(await request.json()).toEqual({ a: 1 });
  });

  it('refuses a method the route does not declare (the host would answer 404)', async () => {
    await expect(invokeRoute(echo, { method: 'DELETE' })).rejects.toThrow(/does not accept DELETE/);
  });
});
