import { ProblemDetailsSchema } from '@cookbook/http-kit';
import { invokeRoute } from '@cookbook/http-kit/testing';
import { beforeEach, describe, expect, it } from 'vitest';

import { users } from '../users.js';
import { searchUsers } from './search-users.js';

beforeEach(() => users.reset());

const search = (query: Record<string, string | string[]>) => invokeRoute(searchUsers, { query });

describe('GET /api/search', () => {
  it('trims and lower-cases q and matches name or email case-insensitively', async () => {
    const response = await search({ q: '  GRACE ' });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      q: 'grace',
      limit: 10,
      results: [{ id: '2', name: 'Grace Hopper', email: 'grace@example.com' }],
    });
    expect((await search({ q: 'LOVELACE' })).json()).toMatchObject({ results: [{ id: '1' }] });
  });

  it('matches everyone for an empty q, up to limit', async () => {
    expect((await search({ q: 'example.com', limit: '1' })).json()).toEqual({
      q: 'example.com',
      limit: 1,
      results: [{ id: '1', name: 'Ada Lovelace', email: 'ada@example.com' }],
    });
    expect((await search({})).json()).toMatchObject({ q: '', limit: 10 });
  });

  it('returns no results, not an error, when nothing matches', async () => {
    expect((await search({ q: 'hamilton' })).json()).toMatchObject({ results: [] });
  });

  it.each([
    ['limit=0', { limit: '0' }, '/query/limit'],
    ['limit=101 (the Python version had no maximum)', { limit: '101' }, '/query/limit'],
    ['limit=5&limit=7, joined by the host into "5,7"', { limit: ['5', '7'] }, '/query/limit'],
    ['q over 100 characters', { q: 'a'.repeat(101) }, '/query/q'],
  ])('answers %s with 422', async (_case, query, pointer) => {
    const response = await search(query);
    expect(response.status).toBe(422);
    expect(ProblemDetailsSchema.parse(response.json()).errors?.map((e) => e.pointer)).toEqual([
      pointer,
    ]);
  });

  it('accepts a q of 100 characters once trimmed', async () => {
    expect((await search({ q: ` ${'a'.repeat(100)} ` })).status).toBe(200);
  });
});
