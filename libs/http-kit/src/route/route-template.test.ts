import { describe, expect, it } from 'vitest';

import { parseRouteTemplate } from './route-template.js';

describe('parseRouteTemplate (ASP.NET Core route template syntax used by the Functions host)', () => {
  it('reads literals and a plain parameter', () => {
    const template = parseRouteTemplate('catalog/{item_id}');
    expect(template.segments).toEqual([
      [{ kind: 'literal', text: 'catalog' }],
      [
        {
          kind: 'parameter',
          parameter: {
            name: 'item_id',
            optional: false,
            catchAll: false,
            defaultValue: undefined,
            constraints: [],
          },
        },
      ],
    ]);
  });

  it('reads chained constraints, optional markers and defaults', () => {
    const { parameters } = parseRouteTemplate(
      'products/{category:alpha}/{id:int:min(1)?}/{page:int=1}',
    );
    expect(parameters).toEqual([
      expect.objectContaining({
        name: 'category',
        optional: false,
        constraints: [{ name: 'alpha', argument: undefined }],
      }),
      expect.objectContaining({
        name: 'id',
        optional: true,
        constraints: [
          { name: 'int', argument: undefined },
          { name: 'min', argument: '1' },
        ],
      }),
      expect.objectContaining({ name: 'page', optional: false, defaultValue: '1' }),
    ]);
  });

  it('keeps regex arguments whole (parentheses, colons) and unescapes doubled braces', () => {
    const { parameters } = parseRouteTemplate('codes/{code:regex(^(ab|cd):\\d{{2}}$)}');
    expect(parameters[0]?.constraints).toEqual([{ name: 'regex', argument: '^(ab|cd):\\d{2}$' }]);
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
    expect(template.segments[1]?.map((part) => part.kind)).toEqual([
      'parameter',
      'literal',
      'parameter',
    ]);
  });

  it.each([
    ['', /empty/],
    ['/catalog', /leading "\/"/],
    ['catalog//items', /empty segment/],
    ['catalog/{id', /unclosed "\{"/],
    ['catalog/id}', /unmatched "\}"/],
    ['catalog/{id}/{ID}', /appears twice/],
    ['files/{*rest}/{name}', /must be the last/],
    ['catalog/{1d}', /invalid parameter name/],
    ['catalog/{id:regex(a}', /unclosed "\("/],
    ['search?q={q}', /"\?" or "#"/],
  ])('rejects %j', (template, message) => {
    expect(() => parseRouteTemplate(template)).toThrow(message);
  });
});
