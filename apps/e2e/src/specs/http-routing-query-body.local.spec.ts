import { randomUUID } from 'node:crypto';

import { expect, test } from '../fixtures.js';
import { localHostUrl } from '../support/local-recipes.js';

// No gateway in front: the spec talks to the recipe's local host directly. State is per instance
// and shared by every test of the run, so each test creates its own users with unique emails.
const base = `${localHostUrl('http-routing-query-body')}/api`;
const JSON_TYPE = { 'content-type': 'application/json' };
const MERGE_PATCH = { 'content-type': 'application/merge-patch+json' };

interface User {
  id: string;
  name: string;
  email: string;
}
interface Problem {
  type: string;
  status: number;
  errors?: { pointer: string; message: string }[];
}

const uniqueEmail = (who: string) => `${who}-${randomUUID().slice(0, 8)}@example.com`;
const problemSlug = (problem: Problem) => problem.type.split('/').at(-1);

test('a user lives through create, read, patch, replace, list, search and delete', async ({
  anonymous,
}) => {
  const email = uniqueEmail('katherine');
  const created = await anonymous.post(`${base}/users`, {
    headers: JSON_TYPE,
    data: { name: '  Katherine Johnson ', email },
  });
  expect(created.status()).toBe(201);
  const user = (await created.json()) as User;
  expect(user).toEqual({ id: expect.stringMatching(/^\d+$/), name: 'Katherine Johnson', email });
  expect(created.headers()['location']).toBe(`/api/users/${user.id}`);
  const createdEtag = created.headers()['etag'] ?? '';
  expect(createdEtag).toMatch(/^"\d+\.1"$/);

  const read = await anonymous.get(`${base}/users/${user.id}`);
  expect(read.status()).toBe(200);
  expect(await read.json()).toEqual(user);
  expect(read.headers()['etag']).toBe(createdEtag);
  const revalidated = await anonymous.get(`${base}/users/${user.id}`, {
    headers: { 'if-none-match': createdEtag },
  });
  expect(revalidated.status()).toBe(304);

  const patched = await anonymous.patch(`${base}/users/${user.id}`, {
    headers: { ...MERGE_PATCH, 'if-match': createdEtag },
    data: { name: 'Katherine G. Johnson' },
  });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toEqual({ ...user, name: 'Katherine G. Johnson' });
  const patchedEtag = patched.headers()['etag'] ?? '';
  expect(patchedEtag).not.toBe(createdEtag);

  // The ETag read before the patch is stale now: a lost update is refused.
  const stale = await anonymous.put(`${base}/users/${user.id}`, {
    headers: { ...JSON_TYPE, 'if-match': createdEtag },
    data: { name: 'Lost update', email },
  });
  expect(stale.status()).toBe(412);
  expect(stale.headers()['etag']).toBe(patchedEtag);

  const newEmail = uniqueEmail('kj');
  const replaced = await anonymous.put(`${base}/users/${user.id}`, {
    headers: { ...JSON_TYPE, 'if-match': patchedEtag },
    data: { id: user.id, name: 'Katherine Johnson', email: newEmail },
  });
  expect(replaced.status()).toBe(200);
  expect(await replaced.json()).toEqual({
    id: user.id,
    name: 'Katherine Johnson',
    email: newEmail,
  });

  const found = await anonymous.get(`${base}/search`, {
    params: { q: `  ${newEmail.toUpperCase()} `, limit: '5' },
  });
  expect(await found.json()).toEqual({
    q: newEmail,
    limit: 5,
    results: [{ id: user.id, name: 'Katherine Johnson', email: newEmail }],
  });

  // Walk every page with the opaque next link: the user shows up exactly once.
  const seen: string[] = [];
  let next: string | undefined = '/api/users?limit=2';
  while (next) {
    const page = (await (
      await anonymous.get(`${localHostUrl('http-routing-query-body')}${next}`)
    ).json()) as {
      users: User[];
      next?: string;
    };
    expect(page.users.length).toBeLessThanOrEqual(2);
    seen.push(...page.users.map((entry) => entry.id));
    next = page.next;
  }
  expect(seen.filter((id) => id === user.id)).toHaveLength(1);
  expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => a - b));

  const deleted = await anonymous.delete(`${base}/users/${user.id}`);
  expect(deleted.status()).toBe(204);
  expect((await anonymous.get(`${base}/users/${user.id}`)).status()).toBe(404);
  expect((await anonymous.delete(`${base}/users/${user.id}`)).status()).toBe(404);

  // The next id is new: ids never come back after a delete (the Python len+1 ids did).
  const after = await anonymous.post(`${base}/users`, {
    headers: JSON_TYPE,
    data: { name: 'Dorothy Vaughan', email: uniqueEmail('dorothy') },
  });
  expect(Number(((await after.json()) as User).id)).toBeGreaterThan(Number(user.id));
});

test('a duplicate email is a 409 problem, whatever its case', async ({ anonymous }) => {
  const response = await anonymous.post(`${base}/users`, {
    headers: JSON_TYPE,
    data: { name: 'Ada again', email: 'ADA@example.com' },
  });
  expect(response.status()).toBe(409);
  expect(response.headers()['content-type']).toMatch(/^application\/problem\+json/);
  expect(problemSlug((await response.json()) as Problem)).toBe('conflict');
});

test('PUT and PATCH without If-Match are 428 (the page states this choice)', async ({
  anonymous,
}) => {
  const put = await anonymous.put(`${base}/users/1`, {
    headers: JSON_TYPE,
    data: { name: 'Ada Lovelace', email: 'ada@example.com' },
  });
  expect(put.status()).toBe(428);
  const patch = await anonymous.patch(`${base}/users/1`, {
    headers: MERGE_PATCH,
    data: { name: 'Ada' },
  });
  expect(patch.status()).toBe(428);
  expect(problemSlug((await patch.json()) as Problem)).toBe('precondition-required');
});

test('?limit=5&limit=7 reaches the function as "5,7" (Azure joins repeated keys): 422 with a pointer', async ({
  anonymous,
}) => {
  for (const path of ['users?limit=5&limit=7', 'search?q=a&limit=5&limit=7']) {
    const response = await anonymous.get(`${base}/${path}`);
    expect(response.status(), path).toBe(422);
    const problem = (await response.json()) as Problem;
    expect(problem.errors).toEqual([
      { pointer: '/query/limit', message: expect.stringContaining('"5,7"') },
    ]);
  }
});

test('bad bodies: 400 not JSON, 415 wrong type, 422 array/scalar/unknown fields/null name, 413 too large', async ({
  anonymous,
}) => {
  // A Buffer goes out byte for byte; Playwright would JSON-encode a string sent as JSON.
  const post = (data: string, contentType = 'application/json') =>
    anonymous.post(`${base}/users`, {
      headers: { 'content-type': contentType },
      data: Buffer.from(data),
    });
  const cases: [string, string, string, number, string[]][] = [
    ['not JSON', '{"name":', 'application/json', 400, []],
    ['wrong content type', 'name=X', 'text/plain', 415, []],
    ['an array', '[{"name":"X","email":"x@example.com"}]', 'application/json', 422, ['/body']],
    ['a scalar', '42', 'application/json', 422, ['/body']],
    [
      'unknown fields',
      '{"name":"X","email":"x@example.com","role":"admin","id":"1"}',
      'application/json',
      422,
      ['/body/id', '/body/role'],
    ],
    [
      'a null name',
      '{"name":null,"email":"x@example.com"}',
      'application/json',
      422,
      ['/body/name'],
    ],
    ['a bad email', '{"name":"X","email":"x@localhost"}', 'application/json', 422, ['/body/email']],
    [
      'too large',
      JSON.stringify({ name: 'a'.repeat(17_000), email: 'x@example.com' }),
      'application/json',
      413,
      [],
    ],
  ];
  for (const [label, data, contentType, status, pointers] of cases) {
    const response = await post(data, contentType);
    expect(response.status(), label).toBe(status);
    expect(response.headers()['content-type'], label).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as Problem;
    expect((problem.errors ?? []).map((error) => error.pointer).sort(), label).toEqual(pointers);
  }
});

test('PATCH needs application/merge-patch+json: application/json is 415 with Accept-Patch', async ({
  anonymous,
}) => {
  const response = await anonymous.patch(`${base}/users/1`, {
    headers: { ...JSON_TYPE, 'if-match': '*' },
    data: { name: 'Ada' },
  });
  expect(response.status()).toBe(415);
  expect(response.headers()['accept-patch']).toBe('application/merge-patch+json');
});

test('routing: constraints keep words out of users/{id:int:min(1)}; unknown ids are 404 problems', async ({
  anonymous,
}) => {
  for (const path of ['users/search', 'users/abc', 'users/0']) {
    const response = await anonymous.get(`${base}/${path}`);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toBe('');
  }
  const absent = await anonymous.get(`${base}/users/999999`);
  expect(absent.status()).toBe(404);
  expect(problemSlug((await absent.json()) as Problem)).toBe('not-found');
  // A method no function lists: Azure answers 404, not 405.
  expect((await anonymous.post(`${base}/search`)).status()).toBe(404);
});

test('search trims and lower-cases q, caps limit at 100, and q at 100 characters', async ({
  anonymous,
}) => {
  const response = await anonymous.get(`${base}/search`, {
    params: { q: '  HOPPER ', limit: '5' },
  });
  expect(await response.json()).toMatchObject({
    q: 'hopper',
    limit: 5,
    results: [{ id: '2', name: 'Grace Hopper', email: 'grace@example.com' }],
  });
  expect((await anonymous.get(`${base}/search?limit=101`)).status()).toBe(422);
  expect((await anonymous.get(`${base}/search?q=${'a'.repeat(101)}`)).status()).toBe(422);
});

test('serves its OpenAPI document and Swagger UI', async ({ anonymous }) => {
  const document = await anonymous.get(`${base}/openapi.json`);
  expect(document.status()).toBe(200);
  expect(Object.keys(((await document.json()) as { paths: object }).paths).sort()).toEqual([
    '/search',
    '/users',
    '/users/{id}',
  ]);
  expect((await anonymous.get(`${base}/docs`)).status()).toBe(200);
});
