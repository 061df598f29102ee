import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { defineRoute } from '../route/define-route.js';
import type { AnyRoute } from '../route/route-types.js';
import { buildApimOpenApiDocument, buildOpenApiDocument } from './build-openapi-document.js';
import { findOpenApi31Constructs } from './openapi-3-only-constructs.js';
import { documentedRoutes } from './openapi-test-routes.fixture.js';
import type { JsonObject, JsonValue } from './openapi-types.js';

const options = { info: { title: 'Catalog API', version: '1.0.0' } };

/** Nullable, literal, exclusive bounds, a tuple and a cached route: every form 3.0 spells differently. */
const edgeRoute = defineRoute({
  name: 'edgeForms',
  methods: ['POST'],
  route: 'edge/{id:int}',
  authLevel: 'function',
  cache: { cacheControl: 'private, max-age=10' },
  request: {
    query: z.object({ limit: z.number().gt(0).lt(100).optional() }),
    body: z.object({
      kind: z.literal('edge'),
      note: z.string().nullable(),
      pair: z.tuple([z.string(), z.number()]),
      nested: z.object({ at: z.iso.datetime() }).nullable().optional(),
    }),
  },
  responses: {
    200: {
      description: 'ok',
      schema: z.object({ version: z.literal(2), routedBy: z.string().nullable() }),
    },
  },
  handler: () => ({ status: 200, body: { version: 2 as const, routedBy: null } }),
}) as AnyRoute;

const routes: readonly AnyRoute[] = [...documentedRoutes, edgeRoute];
const modern = buildOpenApiDocument(routes, options);
const apim = buildApimOpenApiDocument(routes, options);

async function validate(document: object): Promise<{ valid: boolean; errors: unknown }> {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document) as Record<string, unknown>);
  return { valid: result.valid, errors: result.errors };
}

/** Operation id → parameters (in:name:required) and response statuses. */
function shape(document: { paths: JsonObject }): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(document.paths as Record<string, JsonObject>)) {
    for (const [method, operation] of Object.entries(item as Record<string, JsonObject>)) {
      const parameters = (operation.parameters ?? []) as JsonObject[];
      result[String(operation.operationId)] = {
        route: `${method} ${path}`,
        parameters: parameters.map(
          (p) => `${String(p.in)}:${String(p.name)}:${String(p.required)}`,
        ),
        responses: Object.keys(operation.responses as JsonObject),
        body: Object.keys(
          ((operation.requestBody as JsonObject | undefined)?.content ?? {}) as JsonObject,
        ),
      };
    }
  }
  return result;
}

describe('buildApimOpenApiDocument (the OpenAPI 3.0 document APIM imports)', () => {
  it('declares OpenAPI 3.0.3 and passes the OpenAPI 3.0 schema validator', async () => {
    expect(apim.openapi).toBe('3.0.3');
    const result = await validate(apim);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('the served document stays OpenAPI 3.1.0 and passes the OpenAPI 3.1 schema validator', async () => {
    expect(modern.openapi).toBe('3.1.0');
    const result = await validate(modern);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('has no OpenAPI 3.1-only construct (APIM converts 3.1 to 3.0.1 and refuses some 3.1 forms)', () => {
    expect(findOpenApi31Constructs(apim as unknown as JsonValue)).toEqual([]);
  });

  it('the 3.1 document does use 3.1 forms here, so the check above can fail', () => {
    const found = findOpenApi31Constructs(modern as unknown as JsonValue);
    expect(found.some((pointer) => pointer.endsWith('/type'))).toBe(true);
    expect(found.some((pointer) => pointer.endsWith('/exclusiveMinimum'))).toBe(true);
    expect(found.some((pointer) => pointer.endsWith('/const'))).toBe(true);
  });

  it('spells nullable, literals and exclusive bounds the OpenAPI 3.0 way (zod target openapi-3.0)', () => {
    const text = JSON.stringify(apim);
    expect(text).toContain('"nullable":true');
    expect(text).toContain('"exclusiveMinimum":true');
    expect(text).toContain('"exclusiveMaximum":true');
    expect(text).toContain('"enum":["edge"]');
  });

  it('describes the same operations, parameters, bodies and responses as the 3.1 document', () => {
    expect(shape(apim)).toEqual(shape(modern));
    expect(Object.keys(apim.paths)).toEqual(Object.keys(modern.paths));
    expect(Object.keys(apim.components).sort()).toEqual(Object.keys(modern.components).sort());
    expect(Object.keys((apim.components as JsonObject).schemas as JsonObject)).toEqual(
      Object.keys((modern.components as JsonObject).schemas as JsonObject),
    );
  });

  it('finds each 3.1-only document construct by JSON pointer', () => {
    const document = {
      openapi: '3.1.0',
      jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
      info: { title: 't', version: '1', summary: 's' },
      webhooks: {},
      paths: {},
      components: {
        pathItems: {},
        schemas: {
          A: { type: ['string', 'null'], $schema: 'x' },
          B: { type: 'number', exclusiveMaximum: 3 },
        },
      },
    };
    expect(findOpenApi31Constructs(document)).toEqual([
      '/webhooks',
      '/jsonSchemaDialect',
      '/info/summary',
      '/components/pathItems',
      '/components/schemas/A/type',
      '/components/schemas/A/$schema',
      '/components/schemas/B/exclusiveMaximum',
    ]);
  });
});
