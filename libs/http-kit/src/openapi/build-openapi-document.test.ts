import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { defineRoute } from '../route/define-route.js';
import type { AnyRoute } from '../route/route-types.js';
import { buildOpenApiDocument } from './build-openapi-document.js';
import { documentedRoutes } from './openapi-test-routes.fixture.js';

const info = { title: 'Catalog API', version: '1.0.0' };

function route(name: string, options: Partial<Parameters<typeof defineRoute>[0]>): AnyRoute {
  return defineRoute({
    name,
    methods: ['GET'],
    route: name,
    authLevel: 'anonymous',
    responses: { 200: { description: 'ok' } },
    handler: () => ({ status: 200 }),
    ...options,
  } as Parameters<typeof defineRoute>[0]) as AnyRoute;
}

async function expectValid(document: object): Promise<void> {
  const result = await new Validator().validate(document as Record<string, unknown>);
  expect(result.errors).toBeUndefined();
  expect(result.valid).toBe(true);
}

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument(documentedRoutes, {
    info,
    tags: [{ name: 'Catalog', description: 'Catalog items' }],
  });

  it('matches the reviewed snapshot', async () => {
    await expect(`${JSON.stringify(document, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/catalog.openapi.json',
    );
  });

  it('is accepted by an OpenAPI 3.1 validator', async () => {
    await expectValid(document);
  });

  it('is deterministic whatever the route order', () => {
    const reversed = buildOpenApiDocument([...documentedRoutes].reverse(), {
      info,
      tags: [{ name: 'Catalog', description: 'Catalog items' }],
    });
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(document));
  });

  it('puts the host route prefix in servers and keeps paths relative to it', () => {
    expect(document.servers).toEqual([{ url: '/api' }]);
    expect(Object.keys(document.paths)).toEqual([
      '/catalog',
      '/catalog/{item_id}',
      '/products/{category}',
      '/products/{category}/{page}',
    ]);
    for (const [prefix, url] of [
      ['', '/'],
      ['/v1/', '/v1'],
    ]) {
      expect(buildOpenApiDocument([], { info, routePrefix: prefix }).servers).toEqual([{ url }]);
    }
  });

  it('leaves hidden routes (docs, openapi.json) out', () => {
    expect(JSON.stringify(document)).not.toContain('apiDocs');
  });

  it('documents function keys only for non-anonymous routes', () => {
    const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(paths['/catalog/{item_id}']?.get?.security).toEqual([
      { functionKey: [] },
      { functionKeyQuery: [] },
    ]);
    expect(paths['/products/{category}']?.get?.security).toBeUndefined();
    const anonymous = buildOpenApiDocument([route('open', {})], { info });
    expect(anonymous.components.securitySchemes).toBeUndefined();
  });

  it('names operations per method and per omitted optional parameter', () => {
    const paths = document.paths as Record<string, Record<string, { operationId: string }>>;
    expect(paths['/products/{category}/{page}']?.get?.operationId).toBe('listProducts_get');
    expect(paths['/products/{category}']?.head?.operationId).toBe('listProducts_headWithoutPage');
  });

  it('uses a separate <id>Input component when a shared schema differs between request and response', async () => {
    const Thing = z.object({ size: z.number().default(1) }).meta({ id: 'Thing' });
    const doc = buildOpenApiDocument(
      [
        route('things', {
          methods: ['POST'],
          request: { body: Thing },
          responses: { 200: { description: 'ok', schema: Thing } },
        }),
      ],
      { info },
    );
    const schemas = doc.components.schemas as Record<string, { required?: string[] }>;
    expect(schemas.Thing?.required).toEqual(['size']);
    expect(schemas.ThingInput?.required).toBeUndefined();
    await expectValid(doc);
  });

  it('moves recursive schemas into components', async () => {
    type Node = { name: string; children: Node[] };
    const NodeSchema: z.ZodType<Node> = z.object({
      name: z.string(),
      get children() {
        return z.array(NodeSchema);
      },
    });
    const doc = buildOpenApiDocument(
      [route('tree', { responses: { 200: { description: 'tree', schema: NodeSchema } } })],
      { info },
    );
    expect(JSON.stringify(doc)).not.toContain('"$ref":"#"');
    expect(JSON.stringify(doc)).not.toContain('$defs');
    await expectValid(doc);
  });

  it.each([
    [
      'two schemas with the same id',
      [
        route('a', {
          responses: {
            200: { description: 'a', schema: z.object({ a: z.string() }).meta({ id: 'X' }) },
          },
        }),
        route('b', {
          responses: {
            200: { description: 'b', schema: z.object({ b: z.string() }).meta({ id: 'X' }) },
          },
        }),
      ],
      /component name "X"/,
    ],
    [
      'a schema JSON Schema cannot express',
      [
        route('dates', {
          responses: { 200: { description: 'd', schema: z.object({ at: z.date() }) } },
        }),
      ],
      /dates_200: the schema cannot be written as JSON Schema/,
    ],
    [
      'two routes for the same path and method',
      [route('a', { route: 'same' }), route('b', { route: 'same' })],
      /Two routes document GET \/same/,
    ],
    [
      'a repeated operationId',
      [route('a', { operationId: 'dup' }), route('b', { operationId: 'dup' })],
      /Duplicate operationId "dup"/,
    ],
  ])('fails loudly for %s', (_case, routes, message) => {
    expect(() => buildOpenApiDocument(routes, { info })).toThrow(message);
  });
});
