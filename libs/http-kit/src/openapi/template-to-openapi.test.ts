import { parseFunctionRoute, type RouteTemplate } from '@cookbook/route-template';
import { describe, expect, it } from 'vitest';

import { constraintSchema, templateToOpenApiPaths } from './template-to-openapi.js';

/** A function route as http-kit reads it: relative to the route prefix. */
const parseRoute = (route: string): RouteTemplate => parseFunctionRoute(route).route;

function schemaOf(template: string): unknown {
  const parameter = parseRoute(template).parameters[0];
  if (!parameter) throw new Error('no parameter');
  return constraintSchema(parameter);
}

describe('route template → OpenAPI', () => {
  it.each([
    ['{id}', { type: 'string' }],
    ['{id:int}', { type: 'integer', format: 'int32' }],
    ['{id:long}', { type: 'integer', format: 'int64' }],
    ['{on:bool}', { type: 'boolean' }],
    ['{price:decimal}', { type: 'number' }],
    ['{id:guid}', { type: 'string', format: 'uuid' }],
    [
      '{name:alpha:minlength(2):maxlength(8)}',
      { type: 'string', pattern: '^[A-Za-z]+$', minLength: 2, maxLength: 8 },
    ],
    ['{code:length(3)}', { type: 'string', minLength: 3, maxLength: 3 }],
    ['{code:length(2,4)}', { type: 'string', minLength: 2, maxLength: 4 }],
    ['{n:min(1)}', { type: 'integer', minimum: 1 }],
    ['{n:max(9)}', { type: 'integer', maximum: 9 }],
    ['{n:range(1,9)}', { type: 'integer', minimum: 1, maximum: 9 }],
    ['{sku:regex(^[a-z]{{3}}\\d+$)}', { type: 'string', pattern: '^[a-z]{3}\\d+$' }],
    ['{page:int=1}', { type: 'integer', format: 'int32', default: 1 }],
    ['{id:int?}', { type: 'integer', format: 'int32' }],
  ])('%s → %j', (template, schema) => {
    expect(schemaOf(template)).toEqual(schema);
  });

  it('strips constraints from the path', () => {
    const [full] = templateToOpenApiPaths(parseRoute('products/{category:alpha}/{id:int}'));
    expect(full?.path).toBe('/products/{category}/{id}');
  });

  it('adds a shorter path for each omittable trailing parameter (OpenAPI path params are required)', () => {
    const variants = templateToOpenApiPaths(parseRoute('products/{category:alpha}/{id:int?}'));
    expect(variants.map((variant) => [variant.path, variant.omitted.map((p) => p.name)])).toEqual([
      ['/products/{category}/{id}', []],
      ['/products/{category}', ['id']],
    ]);
    const catchAll = templateToOpenApiPaths(parseRoute('files/{*path}'));
    expect(catchAll.map((variant) => variant.path)).toEqual(['/files/{path}', '/files']);
  });

  it('keeps a parameter that shares its segment with a literal', () => {
    const variants = templateToOpenApiPaths(parseRoute('files/{name}.{ext?}'));
    expect(variants.map((variant) => variant.path)).toEqual(['/files/{name}.{ext}']);
  });
});
