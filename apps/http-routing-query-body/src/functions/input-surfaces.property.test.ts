import { ProblemDetailsSchema } from '@cookbook/http-kit';
import { invokeRoute, type InvokeRouteResult } from '@cookbook/http-kit/testing';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';

import { users } from '../users.js';
import { searchUsers } from './search-users.js';
import { deleteUser, getUser, patchUser, replaceUser } from './user-by-id.js';
import { createUser, listUsers } from './users-collection.js';

beforeEach(() => users.reset());

// Whatever arrives: a 2xx/3xx or a 4xx problem, never a 500, never a stack trace.
function expectHandled(response: InvokeRouteResult): void {
  expect(response.status).toBeLessThan(500);
  expect(response.body).not.toMatch(/\bat .+:\d+:\d+|node:internal|\.ts:\d+/);
  if (response.status >= 400) ProblemDetailsSchema.parse(response.json());
}

const queryValue = fc.oneof(fc.string(), fc.array(fc.string(), { minLength: 1, maxLength: 3 }));
const limitLike = fc.oneof(
  fc.integer({ min: -5, max: 200 }).map(String),
  fc.constantFrom('5,7', '', ' 5', '1e1', '0x10', '50.0'),
  fc.string(),
);
const anyId = fc.oneof(fc.integer({ min: 0, max: 5 }).map(String), fc.string({ minLength: 1 }));
const anyBody = fc.oneof(
  fc.jsonValue(),
  fc.record(
    { name: fc.oneof(fc.string(), fc.constant(null)), email: fc.string(), extra: fc.jsonValue() },
    { requiredKeys: [] },
  ),
  fc.string(),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/merge-patch+json',
  'application/json; charset=latin1',
  'text/plain',
  '',
);
const ifMatch = fc.oneof(fc.constantFrom('*', '"1.1"', 'W/"1.1"', '"1.0"'), fc.string());
const runs = { numRuns: 60 };

describe('every input surface answers 2xx or a 4xx problem, never a 500', () => {
  it('GET /api/users query (limit, cursor)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ limit: limitLike, cursor: queryValue }, { requiredKeys: [] }),
        async (query) => expectHandled(await invokeRoute(listUsers, { query })),
      ),
      runs,
    );
  });

  it('GET /api/search query (q, limit)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ q: queryValue, limit: limitLike }, { requiredKeys: [] }),
        async (query) => expectHandled(await invokeRoute(searchUsers, { query })),
      ),
      runs,
    );
  });

  it('GET and DELETE /api/users/{id} with any id and If-Match', async () => {
    await fc.assert(
      fc.asyncProperty(anyId, ifMatch, async (id, tag) => {
        expectHandled(
          await invokeRoute(getUser, { params: { id }, headers: { 'if-none-match': tag } }),
        );
        expectHandled(
          await invokeRoute(deleteUser, {
            method: 'DELETE',
            params: { id },
            headers: { 'if-match': tag },
          }),
        );
      }),
      runs,
    );
  });

  it('POST, PUT and PATCH bodies, content types and If-Match', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody, contentType, ifMatch, anyId, async (body, type, tag, id) => {
        const headers = { 'content-type': type, 'if-match': tag };
        const encoded = typeof body === 'string' ? body : JSON.stringify(body);
        expectHandled(await invokeRoute(createUser, { body: encoded, headers }));
        expectHandled(await invokeRoute(replaceUser, { params: { id }, body: encoded, headers }));
        expectHandled(await invokeRoute(patchUser, { params: { id }, body: encoded, headers }));
      }),
      runs,
    );
  });

  it('bodies of arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), async (bytes) => {
        const headers = { 'content-type': 'application/json', 'if-match': '*' };
        expectHandled(await invokeRoute(createUser, { body: bytes, headers }));
        expectHandled(
          await invokeRoute(replaceUser, { params: { id: '1' }, body: bytes, headers }),
        );
      }),
      runs,
    );
  });
});
