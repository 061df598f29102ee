import { describe, expect, it } from 'vitest';

import { parseRouteTemplate } from './parse-route-template.js';
import { RouteTemplateError } from './route-template-error.js';

const parameter = (name: string, extra: object = {}): object => ({
  kind: 'parameter',
  name,
  optional: false,
  catchAll: false,
  defaultValue: undefined,
  constraints: [],
  ...extra,
});

describe('parseRouteTemplate (ASP.NET Core RoutePatternParser rules)', () => {
  it('reads literals and a plain parameter', () => {
    expect(parseRouteTemplate('catalog/{item_id}').segments).toEqual([
      { parts: [{ kind: 'literal', text: 'catalog' }] },
      { parts: [parameter('item_id')] },
    ]);
  });

  it('parses literals, optional, default, catch-all and chained inline constraints', () => {
    const template = parseRouteTemplate('api/{a}/{b?}/{c=x}/{d:int:min(1)}/{**rest}');
    const parts = template.segments.flatMap((segment) => segment.parts);
    expect(parts.map((part) => (part.kind === 'literal' ? part.text : part.name))).toEqual([
      'api',
      'a',
      'b',
      'c',
      'd',
      'rest',
    ]);
    expect(parts[2]).toMatchObject({ optional: true });
    expect(parts[3]).toMatchObject({ defaultValue: 'x' });
    expect(parts[4]).toMatchObject({ constraints: [{ name: 'int' }, { name: 'min' }] });
    expect(parts[5]).toMatchObject({ catchAll: true });
    expect(template.parameters.map((p) => p.name)).toEqual(['a', 'b', 'c', 'd', 'rest']);
  });

  it('reads chained constraints, optional markers and defaults', () => {
    const { parameters } = parseRouteTemplate(
      'products/{category:alpha}/{id:int:min(1)?}/{page:int=1}',
    );
    expect(parameters).toEqual([
      parameter('category', { constraints: [{ name: 'alpha', argument: undefined }] }),
      parameter('id', {
        optional: true,
        constraints: [
          { name: 'int', argument: undefined },
          { name: 'min', argument: '1' },
        ],
      }),
      parameter('page', { defaultValue: '1', constraints: [{ name: 'int', argument: undefined }] }),
    ]);
  });

  it('reads regex arguments up to the ")" that ends the constraint, with {{ }} escapes', () => {
    const zip = parseRouteTemplate('zip/{code:regex(^\\d{{5}}(-\\d{{4}})?$)}');
    expect(zip.parameters[0]?.constraints).toEqual([
      { name: 'regex', argument: '^\\d{5}(-\\d{4})?$' },
    ]);
    const colon = parseRouteTemplate('codes/{code:regex(^[a-z]:\\d{{2}}$)}');
    expect(colon.parameters[0]?.constraints).toEqual([
      { name: 'regex', argument: '^[a-z]:\\d{2}$' },
    ]);
  });

  it('ends a constraint at ")" before ":" even inside a regex, as ASP.NET Core does', () => {
    // Azure reads "regex(^(ab|cd)" and "\d{2}$)" here, and refuses the route at start-up.
    expect(() => parseRouteTemplate('codes/{code:regex(^(ab|cd):\\d{{2}}$)}')).toThrow(
      /Constraint "regex\(\^\(ab\|cd\)" is not a valid regular expression/,
    );
  });

  it('reads catch-all parameters ({*rest} and {**rest})', () => {
    expect(parseRouteTemplate('files/{*path}').parameters[0]).toMatchObject({
      name: 'path',
      catchAll: true,
    });
    expect(parseRouteTemplate('files/{**path}').parameters[0]).toMatchObject({
      name: 'path',
      catchAll: true,
    });
  });

  it('reads several parameters in one segment', () => {
    const template = parseRouteTemplate('files/{name}.{ext:alpha}');
    expect(template.segments[1]?.parts.map((part) => part.kind)).toEqual([
      'parameter',
      'literal',
      'parameter',
    ]);
  });

  it('unescapes {{ and }} in literals', () => {
    expect(parseRouteTemplate('literal/{{x}}').segments[1]).toEqual({
      parts: [{ kind: 'literal', text: '{x}' }],
    });
  });

  it('strips a leading "/" or "~/" (RoutePatternParser.TrimPrefix)', () => {
    expect(parseRouteTemplate('/items').text).toBe('items');
    expect(parseRouteTemplate('~/items').text).toBe('items');
  });

  it('allows one trailing "/" and the empty template, as ASP.NET Core does', () => {
    expect(parseRouteTemplate('items/').segments).toHaveLength(1);
    expect(parseRouteTemplate('').segments).toEqual([]);
  });

  it('accepts any parameter name without / { } ? * (ASP.NET Core, not JavaScript identifiers)', () => {
    expect(parseRouteTemplate('catalog/{1d}').parameters[0]?.name).toBe('1d');
    expect(parseRouteTemplate('x/{item-id}').parameters[0]?.name).toBe('item-id');
  });

  it('keeps ASP.NET Core quirks: a name may start with ":" or "=", a default may hold ":"', () => {
    expect(parseRouteTemplate('{:x}').parameters[0]?.name).toBe(':x');
    expect(parseRouteTemplate('{p=a:b}').parameters[0]).toMatchObject({ defaultValue: 'a:b' });
    expect(parseRouteTemplate('{p:regex(a:b):int}').parameters[0]?.constraints).toEqual([
      { name: 'regex', argument: 'a:b' },
      { name: 'int', argument: undefined },
    ]);
  });

  it.each([
    ['items/{id', 6, /Unclosed "\{"/],
    ['catalog/{id', 8, /Unclosed "\{"/],
    ['{', 0, /Unclosed "\{"/],
    ['items/id}', 8, /Unmatched "}"/],
    ['catalog/id}', 10, /Unmatched "}"/],
    ['items//x', 6, /cannot appear twice/],
    ['catalog//items', 8, /Empty segment/],
    ['//x', 1, /Empty segment/],
    ['~x', 0, /cannot start with "~"/],
    ['items/{}', 6, /parameter name "" is invalid/],
    ['catalog/{a*b}', 8, /parameter name "a\*b" is invalid/],
    ['items/{id}/{ID}', 11, /appears more than once/],
    ['catalog/{id}/{ID}', 13, /appears more than once/],
    ['items/{a}{b}', 9, /adjacent/],
    ['files/{*rest}/more', 6, /must be the whole last segment/],
    ['files/{*rest}/{name}', 6, /must be the whole last segment/],
    ['files/{*rest?}', 6, /cannot be marked optional/],
    ['items/{id?}-x', 6, /must come last, after a "\."/],
    ['items/{name}x.{ext?}', 14, /must come last, after a "\."/],
    ['items/{p=1?}', 6, /cannot be optional and have a default value/],
    ['items/{id:nope}', 10, /Unknown route constraint "nope"/],
    ['items/{id:min(x)}', 10, /not an integer/],
    ['items/{id:range(5,1)}', 10, /minimum is above the maximum/],
    ['items/{id:regex([)}', 10, /not a valid regular expression/],
    ['items/{id:int(3)}', 10, /takes no arguments/],
    ['catalog/{id:regex(a}', 12, /unclosed "\("/],
    ['what?', 4, /cannot contain "\?"/],
    ['search?q={q}', 6, /cannot contain "\?"/],
  ])('rejects %j at position %i', (template, position, message) => {
    const error = (() => {
      try {
        parseRouteTemplate(template);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RouteTemplateError);
    expect((error as RouteTemplateError).message).toMatch(message);
    expect((error as RouteTemplateError).position).toBe(position);
  });

  it('names the template, the position, the problem and what would be valid', () => {
    expect(() => parseRouteTemplate('items/{id')).toThrow(
      'Invalid route template "items/{id" at position 6: Unclosed "{". Add the closing "}" (write "{{" for a literal "{").',
    );
    expect(() => parseRouteTemplate('items/{id:integer}')).toThrow(
      /at position 10: Unknown route constraint "integer"\. Use one of: int, long, /,
    );
  });

  it('reports a syntax error before an unresolvable constraint, as route creation does', () => {
    expect(() => parseRouteTemplate('{a:nope}/{b')).toThrow(/Unclosed "\{"/);
  });
});
