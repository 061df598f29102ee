import { describe, expect, it } from 'vitest';

import { parseRouteTemplate } from './parse-route-template.js';
import { RouteTemplateError } from './route-template.js';

describe('parseRouteTemplate (ASP.NET Core RoutePatternParser rules)', () => {
  it('parses literals, optional, default, catch-all and chained inline constraints', () => {
    const template = parseRouteTemplate('api/{a}/{b?}/{c=x}/{d:int:min(1)}/{**rest}');
    const params = template.segments.flatMap((segment) => segment.parts);
    expect(params.map((part) => (part.kind === 'literal' ? part.text : part.name))).toEqual([
      'api',
      'a',
      'b',
      'c',
      'd',
      'rest',
    ]);
    expect(params[2]).toMatchObject({ optional: true });
    expect(params[3]).toMatchObject({ defaultValue: 'x' });
    expect(params[4]).toMatchObject({ constraints: [{ name: 'int' }, { name: 'min' }] });
    expect(params[5]).toMatchObject({ catchAll: true });
  });

  it('reads regex arguments up to the ")" that ends the constraint, with {{ }} escapes', () => {
    const template = parseRouteTemplate('zip/{code:regex(^\\d{{5}}(-\\d{{4}})?$)}');
    const part = template.segments[1]?.parts[0];
    expect(part).toMatchObject({
      name: 'code',
      constraints: [{ text: 'regex(^\\d{5}(-\\d{4})?$)' }],
    });
  });

  it('strips a leading "/" or "~/"', () => {
    expect(parseRouteTemplate('/items').text).toBe('items');
    expect(parseRouteTemplate('~/items').text).toBe('items');
  });

  it.each([
    ['items/{id', /Unclosed "\{"/],
    ['items/id}', /Unmatched "}"/],
    ['items//x', /cannot appear twice/],
    ['items/{}', /parameter name "" is invalid/],
    ['items/{id}/{ID}', /appears more than once/],
    ['items/{a}{b}', /adjacent/],
    ['files/{*rest}/more', /must be the whole last segment/],
    ['files/{*rest?}', /cannot be marked optional/],
    ['items/{id?}-x', /must come last, after a "\."/],
    ['items/{id:nope}', /Unknown route constraint "nope"/],
    ['items/{id:min(x)}', /not an integer/],
    ['items/{id:range(5,1)}', /minimum is above the maximum/],
    ['items/{id:regex([)}', /not a valid regular expression/],
    ['items/{id:int(3)}', /takes no arguments/],
    ['what?', /cannot contain "\?"/],
  ])('rejects %s', (template, message) => {
    expect(() => parseRouteTemplate(template)).toThrow(RouteTemplateError);
    expect(() => parseRouteTemplate(template)).toThrow(message);
  });
});
