import { ProblemDetailsSchema, problemTypeUri } from '@cookbook/http-kit';
import { invokeRoute, type InvokeRouteOptions } from '@cookbook/http-kit/testing';
import { beforeEach, describe, expect, it } from 'vitest';

import { users } from '../users.js';
import { deleteUser, getUser, patchUser, replaceUser } from './user-by-id.js';

beforeEach(() => users.reset());

const MERGE_PATCH = { 'content-type': 'application/merge-patch+json' };
const send = (
  route: typeof getUser | typeof replaceUser | typeof patchUser | typeof deleteUser,
  id: string,
  options: InvokeRouteOptions = {},
) => invokeRoute(route, { ...options, params: { id } });
const etagOf = (id: string) => users.get(id)?.etag ?? '';
const problemType = (body: unknown) => ProblemDetailsSchema.parse(body).type;
const pointers = (body: unknown) =>
  (ProblemDetailsSchema.parse(body).errors ?? []).map((error) => error.pointer).sort();

describe('GET /api/users/{id}', () => {
  it('returns the user with its ETag', async () => {
    const response = await send(getUser, '1');
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ id: '1', name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(response.headers.get('etag')).toBe('"1.1"');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers If-None-Match with the current ETag with 304', async () => {
    const response = await send(getUser, '1', { headers: { 'if-none-match': '"1.1"' } });
    expect(response.status).toBe(304);
  });

  it('answers an unknown id with a 404 problem', async () => {
    const response = await send(getUser, '99');
    expect(response.status).toBe(404);
    expect(problemType(response.json())).toBe(problemTypeUri('notFound'));
  });

  // The host's {id:int:min(1)} already refuses these in Azure; the schema refuses them in-process.
  it.each([['+1'], ['01'], ['12345678901']])('answers id %j with 422', async (id) => {
    expect((await send(getUser, id)).status).toBe(422);
  });
});

describe('PUT /api/users/{id} replaces the whole user', () => {
  const ada = { name: 'Augusta Ada King', email: 'ada@example.com' };

  it('replaces with the current ETag and returns the new ETag', async () => {
    const response = await send(replaceUser, '1', {
      body: ada,
      headers: { 'if-match': etagOf('1') },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ id: '1', ...ada });
    expect(response.headers.get('etag')).toBe('"1.2"');
  });

  it('accepts the id it read back when it equals the path id, refuses another', async () => {
    const same = await send(replaceUser, '1', {
      body: { id: '1', ...ada },
      headers: { 'if-match': '*' },
    });
    expect(same.status).toBe(200);
    const other = await send(replaceUser, '1', {
      body: { id: '2', ...ada },
      headers: { 'if-match': '*' },
    });
    expect(other.status).toBe(422);
    expect(pointers(other.json())).toEqual(['/body/id']);
  });

  it('answers missing fields with 422 (the Python PUT silently merged)', async () => {
    const response = await send(replaceUser, '1', {
      body: { name: 'Only a name' },
      headers: { 'if-match': etagOf('1') },
    });
    expect(response.status).toBe(422);
    expect(pointers(response.json())).toEqual(['/body/email']);
    expect(users.get('1')?.user.name).toBe('Ada Lovelace');
  });

  it('answers a write without If-Match with 428 (this recipe requires it)', async () => {
    const response = await send(replaceUser, '1', { body: ada });
    expect(response.status).toBe(428);
    expect(problemType(response.json())).toBe(problemTypeUri('preconditionRequired'));
  });

  it('answers a stale ETag with 412 and the current ETag, and changes nothing', async () => {
    const stale = etagOf('1');
    users.replace('1', { name: 'Changed meanwhile', email: 'ada@example.com' });
    const response = await send(replaceUser, '1', { body: ada, headers: { 'if-match': stale } });
    expect(response.status).toBe(412);
    expect(problemType(response.json())).toBe(problemTypeUri('preconditionFailed'));
    expect(response.headers.get('etag')).toBe(etagOf('1'));
    expect(users.get('1')?.user.name).toBe('Changed meanwhile');
  });

  it('answers another user email with 409 and an unknown id with 404', async () => {
    const taken = await send(replaceUser, '1', {
      body: { name: 'Ada', email: 'grace@example.com' },
      headers: { 'if-match': '*' },
    });
    expect(taken.status).toBe(409);
    const absent = await send(replaceUser, '99', { body: ada, headers: { 'if-match': '*' } });
    expect(absent.status).toBe(404);
  });
});

describe('PATCH /api/users/{id} (RFC 7396 merge patch)', () => {
  const patch = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    send(patchUser, id, { body, headers: { ...MERGE_PATCH, 'if-match': etagOf(id), ...headers } });

  it('changes only the fields sent', async () => {
    const response = await patch('2', { name: '  Rear Admiral Grace Hopper ' });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      id: '2',
      name: 'Rear Admiral Grace Hopper',
      email: 'grace@example.com',
    });
    expect(response.headers.get('etag')).toBe('"2.2"');
  });

  it('answers application/json with 415 and Accept-Patch (RFC 5789)', async () => {
    const response = await patch('2', { name: 'X' }, { 'content-type': 'application/json' });
    expect(response.status).toBe(415);
    expect(response.headers.get('accept-patch')).toBe('application/merge-patch+json');
  });

  it('answers null for a required field with 422: merge patch null would remove it', async () => {
    const response = await patch('2', { name: null });
    expect(response.status).toBe(422);
    expect(pointers(response.json())).toEqual(['/body/name']);
  });

  it('answers unknown fields with 422 naming them', async () => {
    const response = await patch('2', { nickname: 'Amazing Grace' });
    expect(response.status).toBe(422);
    expect(pointers(response.json())).toEqual(['/body/nickname']);
  });

  it('answers a stale ETag with 412, none with 428, a taken email with 409', async () => {
    expect((await patch('2', { name: 'X' }, { 'if-match': '"2.0"' })).status).toBe(412);
    const none = await send(patchUser, '2', { body: { name: 'X' }, headers: MERGE_PATCH });
    expect(none.status).toBe(428);
    expect((await patch('2', { email: 'ADA@example.com' })).status).toBe(409);
  });
});

describe('DELETE /api/users/{id}', () => {
  it('deletes with 204, then 404', async () => {
    const response = await send(deleteUser, '1');
    expect(response.status).toBe(204);
    expect(response.body).toBe('');
    expect(users.get('1')).toBeUndefined();
    expect((await send(deleteUser, '1')).status).toBe(404);
  });

  it('honours If-Match when sent: a stale ETag is 412 and the user stays', async () => {
    const response = await send(deleteUser, '1', { headers: { 'if-match': '"1.0"' } });
    expect(response.status).toBe(412);
    expect(users.get('1')).toBeDefined();
  });
});
