import { parseRouteTemplate } from '@cookbook/route-template';
import { describe, expect, it } from 'vitest';

import { findRouteOverlaps } from './find-route-overlaps.js';
import type { HttpRoute } from './http-function.js';

const route = (name: string, template: string, methods = ['GET']): HttpRoute => ({
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

const examples = (...routes: HttpRoute[]): string[] =>
  findRouteOverlaps(routes).map((o) => o.example);

describe('findRouteOverlaps (start-up ambiguity lint)', () => {
  it('a parameter shadowing a literal overlaps', () => {
    expect(examples(route('a', 'items/{id}'), route('b', 'items/recent'))).toEqual([
      'GET /items/recent',
    ]);
  });

  it('a literal that fails the constraint does not overlap', () => {
    expect(examples(route('a', 'items/{id:int}'), route('b', 'items/recent'))).toEqual([]);
    expect(
      examples(
        route('a', 'catalog/{item_id:regex(^(?!health$).*$)}'),
        route('b', 'catalog/health'),
      ),
    ).toEqual([]);
  });

  it('disjoint methods never overlap', () => {
    expect(examples(route('a', 'x/{id}', ['GET']), route('b', 'x/{id}', ['POST']))).toEqual([]);
  });

  it('constrained parameters overlap when a value satisfies both, not otherwise', () => {
    expect(examples(route('a', 'x/{id:int}'), route('b', 'x/{n:min(10)}'))).toEqual(['GET /x/42']);
    expect(examples(route('a', 'x/{id:int}'), route('b', 'x/{n:alpha}'))).toEqual([]);
    expect(examples(route('a', 'x/{id:bool}'), route('b', 'x/{n:guid}'))).toEqual([]);
  });

  it('optional segments, defaults and catch-alls change which lengths can meet', () => {
    expect(examples(route('a', 'x/{id?}'), route('b', 'x'))).toEqual(['GET /x']);
    expect(examples(route('a', 'x/{*rest}'), route('b', 'x/y/z'))).toEqual(['GET /x/y/z']);
    expect(examples(route('a', 'x/{p=1}'), route('b', 'x/a/b'))).toEqual([]);
    expect(examples(route('a', 'x/{id}'), route('b', 'x/{id}/more'))).toEqual([]);
  });

  it('complex segments compare literal prefixes and suffixes', () => {
    expect(examples(route('a', 'f/{name}.json'), route('b', 'f/{name}.xml'))).toEqual([]);
    expect(examples(route('a', 'f/{name}.json'), route('b', 'f/data.json'))).toEqual([
      'GET /f/data.json',
    ]);
  });
});
