import type { HttpRequest } from '@azure/functions';
import { type CapturedLogs, captureLogs } from '@cookbook/logging/testing';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';

import { httpError } from '../errors/http-problem.js';
import { defineRoute } from '../route/define-route.js';
import { invokeRoute } from '../testing/invoke-route.js';
import type { ContextExtension } from './context-extension.js';
import { getRequestContext, type RequestContext } from './request-context.js';

const Seen = z.object({ tenant: z.string(), greeting: z.string() });

const readTenant = (request: HttpRequest): string => request.headers.get('x-tenant') ?? 'default';

const greetTenant: ContextExtension<Promise<string>> = async (_request, context) => {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return `hello ${(context as RequestContext & { tenant: string }).tenant}`;
};

function tenantRoute(handled: { calls: number; below?: RequestContext }) {
  return defineRoute({
    name: 'tenant',
    methods: ['GET'],
    route: 'tenants/{id:int}',
    authLevel: 'anonymous',
    context: { tenant: readTenant, greeting: greetTenant },
    request: { params: z.object({ id: z.coerce.number().int() }) },
    responses: { 200: { description: 'ok', schema: Seen } },
    handler: (_input, { requestContext }) => {
      handled.calls += 1;
      handled.below = getRequestContext();
      expectTypeOf(requestContext.tenant).toEqualTypeOf<string>();
      expectTypeOf(requestContext.greeting).toEqualTypeOf<string>();
      return {
        status: 200,
        body: { tenant: requestContext.tenant, greeting: requestContext.greeting },
      };
    },
  });
}

describe('route context extensions', () => {
  let logs: CapturedLogs | undefined;
  afterEach(() => logs?.restore());

  it('add typed values in declaration order, async ones included, seen by getRequestContext too', async () => {
    const handled = { calls: 0, below: undefined as RequestContext | undefined };
    const response = await invokeRoute(tenantRoute(handled), {
      params: { id: '1' },
      headers: { 'x-tenant': 'contoso' },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ tenant: 'contoso', greeting: 'hello contoso' });
    expect(handled.below).toMatchObject({ tenant: 'contoso', greeting: 'hello contoso' });
  });

  it('run before validation, so a refusing extension answers first (401 before 422)', async () => {
    const handled = { calls: 0 };
    const route = defineRoute({
      name: 'guarded',
      methods: ['GET'],
      route: 'guarded/{id:int}',
      authLevel: 'anonymous',
      context: {
        caller: (request: HttpRequest): string => {
          const caller = request.headers.get('x-caller');
          if (!caller) throw httpError('unauthorized', 'x-caller is required.');
          return caller;
        },
      },
      request: { params: z.object({ id: z.coerce.number().int() }) },
      responses: { 204: { description: 'done' } },
      handler: () => {
        handled.calls += 1;
        return { status: 204 };
      },
    });
    const refused = await invokeRoute(route, { params: { id: 'not-a-number' } });
    expect(refused.status).toBe(401);
    expect(refused.json()).toMatchObject({ status: 401, detail: 'x-caller is required.' });
    const invalid = await invokeRoute(route, {
      params: { id: 'not-a-number' },
      headers: { 'x-caller': 'ada' },
    });
    expect(invalid.status).toBe(422);
    expect(handled.calls).toBe(0);
  });

  it('turn an unexpected extension error into a 500 problem that hides it', async () => {
    logs = captureLogs();
    const route = defineRoute({
      name: 'broken',
      methods: ['GET'],
      route: 'broken',
      authLevel: 'anonymous',
      context: {
        broken: async (): Promise<never> => {
          throw new Error('store unreachable at 10.0.0.5');
        },
      },
      responses: { 204: { description: 'done' } },
      handler: () => ({ status: 204 }),
    });
    const response = await invokeRoute(route);
    expect(response.status).toBe(500);
    expect(response.body).not.toContain('10.0.0.5');
    expect(logs.records.some((record) => record.msg?.toString().includes('unhandled'))).toBe(true);
  });

  it.each([
    [{ path: () => '/elsewhere' }, /context "path" would replace a core field/],
    [{ logger: () => console }, /context "logger" would replace a core field/],
    [{ tenant: 'contoso' }, /context "tenant" must be a function/],
  ])('fail at definition time for %j', (context, message) => {
    expect(() =>
      defineRoute({
        name: 'invalid',
        methods: ['GET'],
        route: 'invalid',
        authLevel: 'anonymous',
        context: context as never,
        responses: { 204: { description: 'done' } },
        handler: () => ({ status: 204 }),
      }),
    ).toThrow(message);
  });

  it('leave the completion line with core fields only, whatever gateway headers arrive', async () => {
    logs = captureLogs({ level: 'debug' });
    const handled = { calls: 0 };
    await invokeRoute(tenantRoute(handled), {
      params: { id: '1' },
      headers: {
        'x-apim-gateway': 'azure-api-management',
        'x-apim-cache': 'HIT',
        'x-forwarded-for': '203.0.113.9',
      },
    });
    const completion = logs.records.find((record) => record.msg === 'request completed');
    expect(Object.keys(completion ?? {}).sort()).toEqual([
      'correlationId',
      'durationMs',
      'functionName',
      'invocationId',
      'level',
      'method',
      'msg',
      'route',
      'status',
      'time',
    ]);
  });
});
