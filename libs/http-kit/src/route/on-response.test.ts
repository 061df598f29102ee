import { getLogger } from '@cookbook/logging';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { httpError } from '../errors/http-problem.js';
import { invokeRoute } from '../testing/invoke-route.js';
import { defineRoute } from './define-route.js';

interface Outcome {
  id: number;
  status: number;
  functionName: string;
}

function outcomeRoute(outcomes: Outcome[], options: { throwInHook?: boolean } = {}) {
  return defineRoute({
    name: 'outcome',
    methods: ['GET'],
    route: 'outcomes/{id}',
    authLevel: 'anonymous',
    request: { params: z.object({ id: z.coerce.number().int().min(1) }) },
    responses: { 200: { description: 'ok', schema: z.object({ id: z.number() }) } },
    cache: { etag: ({ id }) => `"${id}"` },
    handler: ({ params }) => {
      if (params.id === 404) throw httpError('notFound');
      return { status: 200, body: { id: params.id } };
    },
    onResponse: ({ params }, status, { requestContext }) => {
      if (options.throwInHook) throw new Error('hook failed');
      outcomes.push({ id: params.id, status, functionName: requestContext.functionName });
    },
  });
}

describe('onResponse', () => {
  it('sees the final status of every handled request: 200, 304 from the cache, a thrown 404', async () => {
    const outcomes: Outcome[] = [];
    const route = outcomeRoute(outcomes);
    await invokeRoute(route, { params: { id: '7' } });
    await invokeRoute(route, { params: { id: '7' }, headers: { 'if-none-match': '"7"' } });
    await invokeRoute(route, { params: { id: '404' } });
    expect(outcomes).toEqual([
      { id: 7, status: 200, functionName: 'outcome' },
      { id: 7, status: 304, functionName: 'outcome' },
      { id: 404, status: 404, functionName: 'outcome' },
    ]);
  });

  it('is not called for a request rejected before the handler (422)', async () => {
    const outcomes: Outcome[] = [];
    const response = await invokeRoute(outcomeRoute(outcomes), { params: { id: 'zero' } });
    expect(response.status).toBe(422);
    expect(outcomes).toEqual([]);
  });

  it('cannot change the response by throwing', async () => {
    const response = await invokeRoute(outcomeRoute([], { throwInHook: true }), {
      params: { id: '7' },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ id: 7 });
  });

  it('logs inside the invocation scope, before the completion line', async () => {
    const route = defineRoute({
      name: 'logged',
      methods: ['GET'],
      route: 'logged',
      authLevel: 'anonymous',
      responses: { 204: { description: 'done' } },
      handler: () => ({ status: 204 }),
      onResponse: (_input, status) => getLogger().warn({ status }, 'business line'),
    });
    const response = await invokeRoute(route, { headers: { 'x-correlation-id': 'corr-9' } });
    expect(JSON.parse(response.logs[0]?.message ?? '{}')).toMatchObject({
      msg: 'business line',
      status: 204,
      correlationId: 'corr-9',
      functionName: 'logged',
    });
  });
});
