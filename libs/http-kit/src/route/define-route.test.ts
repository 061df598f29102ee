import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';

import { defineRoute } from './define-route.js';
import type { AnyRoute, RouteConfig } from './route-types.js';
import type { TemplateParams } from './template-params.js';

const ok = { 200: { description: 'ok' } } as const;

function config(overrides: Partial<RouteConfig<string, never, typeof ok>>): AnyRoute {
  return defineRoute({
    name: 'sample',
    methods: ['GET'],
    route: 'items/{id}',
    authLevel: 'anonymous',
    responses: ok,
    handler: () => ({ status: 200 }),
    ...overrides,
  } as RouteConfig<string, never, typeof ok>);
}

describe('defineRoute', () => {
  it('returns the declaration frozen, with an Azure handler', () => {
    const route = config({});
    expect(route).toMatchObject({ name: 'sample', methods: ['GET'], route: 'items/{id}' });
    expect(typeof route.handle).toBe('function');
    expect(Object.isFrozen(route)).toBe(true);
  });

  it.each([
    [{ name: '1abc' }, /name must start with a letter/],
    [{ methods: ['GET', 'GET'] }, /methods repeat/],
    [{ route: '/items' }, /leading "\/"/],
    [{ request: { params: z.object({ item: z.string() }) } }, /must match the template's \[id\]/],
    [{ request: { headers: z.object({ 'X-Api': z.string() }) } }, /"X-Api" must be lowercase/],
    [{ request: { body: z.object({}) } }, /needs a method that carries a body/],
    [{ request: { query: z.object({ code: z.string() }) } }, /"code" is the Functions key/],
    [{ responses: { 700: { description: 'x' } } }, /700 is not an HTTP status/],
    [{ responses: {} }, /at least one response/],
    [{ bodyLimitBytes: -1 }, /non-negative integer/],
    [{ responses: { 418: { description: 'teapot' } } }, /418 needs a schema/],
    [
      { responses: { 200: { description: 'x', headers: z.object({ Location: z.string() }) } } },
      /"Location" must be lowercase/,
    ],
  ])('fails fast at definition time for %j', (overrides, message) => {
    expect(() => config(overrides as never)).toThrow(message);
  });

  it('types params from the route template when no params schema is declared', () => {
    expectTypeOf<TemplateParams<'catalog/{item_id}/{tag?}/{*rest}'>>().toEqualTypeOf<{
      readonly item_id: string;
      readonly tag?: string;
      readonly rest?: string;
    }>();
    expectTypeOf<TemplateParams<'items/{id:int:min(1)}/{page=1}'>>().toEqualTypeOf<{
      readonly id: string;
      readonly page: string;
    }>();
    expectTypeOf<TemplateParams<string>>().toEqualTypeOf<
      Readonly<Record<string, string | undefined>>
    >();
  });

  it('checks handler results against the declared responses at compile time', () => {
    const Item = z.object({ id: z.string(), price: z.number() });
    const route = defineRoute({
      name: 'typed',
      methods: ['GET'],
      route: 'items/{id}',
      authLevel: 'anonymous',
      request: { query: z.object({ tags: z.array(z.string()).optional() }) },
      responses: { 200: { description: 'ok', schema: Item }, 404: { description: 'missing' } },
      handler: ({ params, query, body }) => {
        expectTypeOf(params.id).toEqualTypeOf<string>();
        expectTypeOf(query.tags).toEqualTypeOf<string[] | undefined>();
        expectTypeOf(body).toEqualTypeOf<undefined>();
        if (params.id === '0') return { status: 404 };
        return { status: 200, body: { id: params.id, price: 1 } };
      },
    });
    expect(route.name).toBe('typed');
    defineRoute({
      name: 'wrongBody',
      methods: ['GET'],
      route: 'x',
      authLevel: 'anonymous',
      responses: { 200: { description: 'ok', schema: Item } },
      // @ts-expect-error the body does not match the 200 schema
      handler: () => ({ status: 200, body: { id: 1 } }),
    });
    defineRoute({
      name: 'wrongStatus',
      methods: ['GET'],
      route: 'x',
      authLevel: 'anonymous',
      responses: { 200: { description: 'ok', schema: Item } },
      // @ts-expect-error 201 is not a declared response
      handler: () => ({ status: 201, body: { id: '1', price: 2 } }),
    });
  });

  it('accepts array literals and nested data in handler results', () => {
    const route = defineRoute({
      name: 'lists',
      methods: ['GET'],
      route: 'lists',
      authLevel: 'anonymous',
      responses: {
        200: {
          description: 'ok',
          schema: z.object({
            items: z.array(z.object({ tags: z.array(z.string()) })),
            next: z.string().nullable(),
          }),
        },
      },
      handler: () => ({
        status: 200,
        body: { items: [{ tags: [] }, { tags: ['a'] }], next: null },
      }),
    });
    expect(route.name).toBe('lists');
  });

  it('lets differently typed routes share one list', () => {
    const a = config({});
    const b = defineRoute({
      name: 'other',
      methods: ['POST'],
      route: 'other',
      authLevel: 'function',
      request: { body: z.object({ n: z.number() }) },
      responses: { 201: { description: 'made', schema: z.object({ n: z.number() }) } },
      handler: ({ body }) => ({ status: 201, body }),
    });
    const routes: AnyRoute[] = [a, b];
    expect(routes).toHaveLength(2);
  });
});
