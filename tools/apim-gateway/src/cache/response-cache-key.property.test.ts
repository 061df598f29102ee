import { isDeepStrictEqual } from 'node:util';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { QueryBag } from '../http/query-bag.js';
import {
  responseCacheKey,
  ResponseCacheKeyBuilder,
  type ResponseCacheKeyParts,
} from './response-cache-key.js';

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

describe('ResponseCacheKeyBuilder', () => {
  const names = fc.array(text, { maxLength: 2 });
  const pairs = fc.array(fc.tuple(text, text), { maxLength: 4 });
  it('builds exactly responseCacheKey’s string, also when the API/operation/backend change between calls', () => {
    fc.assert(
      fc.property(
        names,
        names,
        fc.array(
          fc.record({
            apiId: fc.constantFrom('a', 'b"'),
            operationId: fc.constantFrom('', 'op'),
            backendUrl: fc.constantFrom('', 'http://b'),
            path: text,
            query: pairs,
            headers: fc.dictionary(text, text, { maxKeys: 3 }),
            developer: fc.option(text, { nil: null }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (queryNames, headerNames, requests) => {
          const builder = new ResponseCacheKeyBuilder(queryNames, headerNames);
          for (const request of requests) {
            const query = new QueryBag(request.query.map(([k, v]): [string, string] => [k, v]));
            const headers = {
              get: (name: string) =>
                Object.hasOwn(request.headers, name) ? request.headers[name] : undefined,
            };
            const expected = responseCacheKey({
              apiId: request.apiId,
              operationId: request.operationId,
              backendUrl: request.backendUrl,
              path: request.path,
              query: query
                .names()
                .sort()
                .map((name) => [name, query.values(name) ?? []] as const),
              varyByQuery: queryNames.map((name) => [name, query.values(name) ?? null] as const),
              varyByHeaders: headerNames.map((name) => [name, headers.get(name) ?? null] as const),
              developer: request.developer,
            });
            expect(
              builder.key(
                request.apiId,
                request.operationId,
                request.backendUrl,
                request.path,
                query,
                headers,
                request.developer,
              ),
            ).toBe(expected);
          }
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
