import { describe, expect, it } from 'vitest';

import { parseFunctionRoute } from './parse-function-route.js';
import { RouteTemplateError } from './route-template-error.js';

const errorOf = (route: string, prefix?: string): RouteTemplateError => {
  try {
    parseFunctionRoute(route, prefix);
  } catch (error) {
    if (error instanceof RouteTemplateError) return error;
    throw error;
  }
  throw new Error(`"${route}" parsed`);
};

describe('parseFunctionRoute (WebJobsRouteBuilder.BuildRouteTemplate: prefix + "/" + route)', () => {
  it('joins the route to the prefix (default "api") and keeps the route part apart', () => {
    const { template, route } = parseFunctionRoute('items/{id:int}');
    expect(template.text).toBe('api/items/{id:int}');
    expect(template.segments).toHaveLength(3);
    expect(route.text).toBe('items/{id:int}');
    expect(route.segments).toEqual(template.segments.slice(1));
    expect(route.parameters.map((parameter) => parameter.name)).toEqual(['id']);
  });

  it('handles multi-segment prefixes and the empty prefix', () => {
    expect(parseFunctionRoute('x/{y}', 'v1/api').route.segments).toHaveLength(2);
    expect(parseFunctionRoute('x/{y}', 'v1/api').template.text).toBe('v1/api/x/{y}');
    const bare = parseFunctionRoute('x/{y}', '');
    expect(bare.template.text).toBe('x/{y}');
    expect(bare.route).toBe(bare.template);
  });

  it('a leading "/" fails at start-up under a prefix ("api//hello", MicrosoftDocs/azure-docs#69447)', () => {
    const error = errorOf('/hello');
    expect(error.message).toMatch(/leading "\/"/);
    expect(error.message).toContain('"api//hello"');
    expect(error.expected).toContain('Write "hello"');
    expect(error.position).toBe(0);
  });

  it('a leading "/" is trimmed when routePrefix is "" (RoutePatternParser.TrimPrefix)', () => {
    expect(parseFunctionRoute('/hello', '').template.text).toBe('hello');
  });

  it('a prefix with a trailing "/" fails at start-up ("api//x", elastic/apm#716)', () => {
    const error = errorOf('x', 'api/');
    expect(error.template).toBe('api//x');
    expect(error.position).toBe(4);
    expect(error.message).toMatch(/Empty segment/);
  });

  it('reports problems at their position in the route as written', () => {
    const error = errorOf('items/{id', 'v1/api');
    expect(error.template).toBe('items/{id');
    expect(error.position).toBe(6);
    expect(error.message).toMatch(/^Invalid route template "items\/\{id" at position 6: Unclosed/);
  });

  it('rejects an empty route: the host would route the function by its name instead', () => {
    expect(errorOf('').message).toMatch(/empty.*function name/);
  });

  it('finds a parameter repeated across prefix and route', () => {
    expect(errorOf('x/{Tenant}', '{tenant}').message).toMatch(/appears more than once/);
  });
});
