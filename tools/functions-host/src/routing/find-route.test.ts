import { parseRouteTemplate } from '@cookbook/route-template';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { findRoute, indexRoutes } from './find-route.js';
import type { HttpRoute } from './http-function.js';

const route = (name: string, template: string, methods: string[] = []): HttpRoute => ({
  fn: {
    name,
    methods,
    route: template,
    template,
    authLevel: 'anonymous',
    disabled: false,
    triggerBindingName: 'req',
  },
  template: parseRouteTemplate(template),
});

// Already in function-name order, as buildRouteTable sorts them.
const table = [
  route('a-catchall', 'api/{*rest}', ['POST']),
  route('b-item', 'api/items/{id:int}'),
  route('c-health', 'API/health', ['GET']),
  route('d-param-first', '{tenant}/items/{id?}'),
  route('e-complex', '{name}.{ext?}'),
  route('f-other', 'other/{x=dflt}'),
  route('g-items-literal', 'api/items/special'),
];

const describeMatch = (match: ReturnType<typeof findRoute>): unknown =>
  match && { name: match.route.fn.name, params: match.params };

describe('findRoute with the first-segment index', () => {
  it('picks the same route as trying every route in function-name order (Azure precedence)', () => {
    const index = indexRoutes(table);
    const segment = fc.constantFrom(
      'api',
      'API',
      'items',
      'health',
      'Other',
      '42',
      'special',
      'x.json',
      'x',
      '',
    );
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 4 }),
        fc.constantFrom('GET', 'post', 'PUT'),
        (path, method) => {
          expect(describeMatch(findRoute(index, method, path))).toEqual(
            describeMatch(findRoute(table, method, path)),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps an earlier parameter route ahead of a later literal route with the same first segment', () => {
    const index = indexRoutes([route('a', '{any}/health'), route('b', 'api/health')]);
    expect(findRoute(index, 'GET', ['api', 'health'])?.route.fn.name).toBe('a');
  });

  it('falls back to non-literal routes for an unknown or empty first segment', () => {
    const index = indexRoutes([route('a', 'api/x'), route('b', '{p?}')]);
    expect(findRoute(index, 'GET', ['nope'])?.params).toEqual({ p: 'nope' });
    expect(findRoute(index, 'GET', [])?.route.fn.name).toBe('b');
  });
});
