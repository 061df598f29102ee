import { PROBLEM_CONTENT_TYPE, ProblemDetailsSchema, problemTypeUri } from '@cookbook/http-kit';
import { invokeRoute } from '@cookbook/http-kit/testing';
import { beforeEach, describe, expect, it } from 'vitest';

import { users } from '../users.js';
import { createUser, listUsers, USER_BODY_LIMIT_BYTES } from './users-collection.js';

beforeEach(() => users.reset());

const list = (query: Record<string, string | string[]> = {}) => invokeRoute(listUsers, { query });
const create = (body: unknown, headers: Record<string, string> = {}) =>
  invokeRoute(createUser, { body, headers });
const pointers = (body: unknown) =>
  (ProblemDetailsSchema.parse(body).errors ?? []).map((error) => error.pointer);

describe('GET /api/users', () => {
  it('lists the seeded users ordered by id, without next on the last page', async () => {
    const response = await list();
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      users: [
        { id: '1', name: 'Ada Lovelace', email: 'ada@example.com' },
        { id: '2', name: 'Grace Hopper', email: 'grace@example.com' },
      ],
    });
  });

  it('pages with limit and follows the opaque next link to the end', async () => {
    users.create({ name: 'Katherine Johnson', email: 'katherine@example.com' });
    const first = (await list({ limit: '2' })).json<{ users: { id: string }[]; next: string }>();
    expect(first.users.map((user) => user.id)).toEqual(['1', '2']);
    expect(first.next).toMatch(/^\/api\/users\?limit=2&cursor=[A-Za-z0-9_-]+$/);
    const cursor = new URL(first.next, 'http://localhost').searchParams.get('cursor') ?? '';
    const second = (await list({ limit: '2', cursor })).json();
    expect(second).toEqual({
      users: [{ id: '3', name: 'Katherine Johnson', email: 'katherine@example.com' }],
    });
  });

  it.each([['0'], ['101'], ['-1'], ['2.5'], ['ten'], ['']])(
    'answers limit=%j with 422',
    async (limit) => {
      const response = await list({ limit });
      expect(response.status).toBe(422);
      expect(pointers(response.json())).toEqual(['/query/limit']);
    },
  );

  it('answers ?limit=5&limit=7 (joined by the host into "5,7") with 422 pointing at limit', async () => {
    const response = await list({ limit: ['5', '7'] });
    expect(response.status).toBe(422);
    const problem = ProblemDetailsSchema.parse(response.json());
    expect(problem.errors).toEqual([
      { pointer: '/query/limit', message: expect.stringContaining('"5,7"') },
    ]);
  });

  it('answers a cursor it did not issue with 422 pointing at cursor', async () => {
    const response = await list({ cursor: 'made-up' });
    expect(response.status).toBe(422);
    expect(pointers(response.json())).toEqual(['/query/cursor']);
  });
});

describe('POST /api/users', () => {
  it('creates with 201, Location and ETag, trimming the name and email', async () => {
    const response = await create({
      name: '  Katherine Johnson ',
      email: ' katherine@example.com',
    });
    expect(response.status).toBe(201);
    expect(response.json()).toEqual({
      id: '3',
      name: 'Katherine Johnson',
      email: 'katherine@example.com',
    });
    expect(response.headers.get('location')).toBe('/api/users/3');
    expect(response.headers.get('etag')).toBe('"3.1"');
    expect(users.get('3')?.user.name).toBe('Katherine Johnson');
  });

  it('answers a duplicate email (any case) with a 409 problem', async () => {
    const response = await create({ name: 'Ada again', email: 'ADA@example.com' });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(ProblemDetailsSchema.parse(response.json()).type).toBe(problemTypeUri('conflict'));
  });

  it.each([
    ['a null name (Python made it "None")', { name: null, email: 'x@example.com' }, ['/body/name']],
    ['a blank name', { name: '   ', email: 'x@example.com' }, ['/body/name']],
    ['a 101-character name', { name: 'a'.repeat(101), email: 'x@example.com' }, ['/body/name']],
    ['a number as name', { name: 7, email: 'x@example.com' }, ['/body/name']],
    ['no email', { name: 'X' }, ['/body/email']],
    ['a bad email', { name: 'X', email: 'not-an-email' }, ['/body/email']],
    ['an email without a dot domain', { name: 'X', email: 'x@localhost' }, ['/body/email']],
    [
      'unknown fields',
      { name: 'X', email: 'x@example.com', id: '9', role: 'admin' },
      ['/body/id', '/body/role'],
    ],
    ['an array', [{ name: 'X', email: 'x@example.com' }], ['/body']],
    ['a scalar', 42, ['/body']],
  ])('answers %s with 422 naming the fields', async (_case, body, expected) => {
    const response = await create(body);
    expect(response.status).toBe(422);
    expect(pointers(response.json()).sort()).toEqual(expected);
    expect(users.list(100).users).toHaveLength(2);
  });

  it('answers a body that is not JSON with 400', async () => {
    const response = await create('{"name": "X",', { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    expect(ProblemDetailsSchema.parse(response.json()).type).toBe(problemTypeUri('malformedBody'));
  });

  it('answers another content type with 415', async () => {
    const response = await create('name=X', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(415);
  });

  it('answers a body over the limit with 413', async () => {
    const name = 'a'.repeat(USER_BODY_LIMIT_BYTES);
    const response = await create({ name, email: 'x@example.com' });
    expect(response.status).toBe(413);
  });
});
