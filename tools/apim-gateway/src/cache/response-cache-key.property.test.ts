import { isDeepStrictEqual } from 'node:util';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { responseCacheKey, type ResponseCacheKeyParts } from './response-cache-key.js';

// Small alphabets with the separators that used to matter, so collisions would be found quickly.
const text = fc.string({
  unit: fc.constantFrom('a', 'b', '|', '=', ':', '&', ',', '"', '\\', 'h', 'q'),
  maxLength: 6,
});
const values = fc.array(text, { maxLength: 3 });

const parts: fc.Arbitrary<ResponseCacheKeyParts> = fc.record({
  apiId: text,
  operationId: text,
  backendUrl: text,
  path: text,
  query: fc.array(fc.tuple(text, values), { maxLength: 3 }),
  varyByQuery: fc.array(fc.tuple(text, fc.option(values, { nil: null })), { maxLength: 2 }),
  varyByHeaders: fc.array(fc.tuple(text, fc.option(text, { nil: null })), { maxLength: 2 }),
  developer: fc.option(text, { nil: null }),
});

describe('responseCacheKey', () => {
  it('distinct inputs never share a key, equal inputs always do (no cross-request cache hits)', () => {
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const same = isDeepStrictEqual(a, b);
        expect(responseCacheKey(a) === responseCacheKey(b)).toBe(same);
      }),
      { numRuns: 20_000 },
    );
  });

  it('tells an absent header from an empty one, and the issue’s "|" collision apart', () => {
    const base: ResponseCacheKeyParts = {
      apiId: 'api',
      operationId: 'op',
      backendUrl: 'http://b',
      path: '/p',
      query: [],
      varyByQuery: [],
      varyByHeaders: [],
      developer: null,
    };
    expect(responseCacheKey({ ...base, varyByHeaders: [['accept', null]] })).not.toBe(
      responseCacheKey({ ...base, varyByHeaders: [['accept', '']] }),
    );
    expect(
      responseCacheKey({
        ...base,
        query: [['x', ['|h:accept=z']]],
        varyByHeaders: [['accept', 'w']],
      }),
    ).not.toBe(
      responseCacheKey({
        ...base,
        query: [['x', ['']]],
        varyByHeaders: [['accept', 'z|h:accept=w']],
      }),
    );
  });
});
