import { describe, expect, it } from 'vitest';

import { getCatalogItem } from './catalog.fixture.js';
import { toHttpFunctionOptions } from './to-http-function-options.js';

describe('toHttpFunctionOptions', () => {
  it('gives app.http the declared methods, route and auth level with the route handler', () => {
    const options = toHttpFunctionOptions(getCatalogItem);
    expect(options).toEqual({
      methods: ['GET'],
      route: 'catalog/{item_id}',
      authLevel: 'function',
      handler: getCatalogItem.handle,
    });
    // v4 defaults to anonymous and GET+POST when these are omitted; they are always set here.
    expect(Object.keys(options).sort()).toEqual(['authLevel', 'handler', 'methods', 'route']);
  });

  it('hands out a copy of the methods so the frozen route cannot be changed through it', () => {
    const options = toHttpFunctionOptions(getCatalogItem);
    options.methods?.push('POST');
    expect(getCatalogItem.methods).toEqual(['GET']);
  });
});
