import { describe, expect, it } from 'vitest';

import { decodeCursor, encodeCursor, UserStore } from './users.js';

const fields = (n: number) => ({ name: `User ${n}`, email: `user${n}@example.com` });

describe('UserStore', () => {
  it('starts with Ada and Grace', () => {
    expect(new UserStore().list(50).users.map((user) => user.name)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
    ]);
  });

  it('never hands out an id twice, also after deletes (the Python len+1 ids collided)', () => {
    const store = new UserStore();
    const first = store.create(fields(3)).user.id;
    expect(store.delete('1')).toBe(true);
    const second = store.create(fields(4)).user.id;
    expect(store.delete(second)).toBe(true);
    const third = store.create(fields(5)).user.id;
    expect(new Set([first, second, third, '2']).size).toBe(4);
    expect([first, second, third]).toEqual(['3', '4', '5']);
  });

  it('orders by numeric id, so 10 comes after 9', () => {
    const store = new UserStore();
    for (let n = 3; n <= 12; n += 1) store.create(fields(n));
    expect(store.list(100).users.map((user) => user.id)).toEqual(
      Array.from({ length: 12 }, (_, index) => String(index + 1)),
    );
  });

  it('pages after an id and says where the next page starts only while more remain', () => {
    const store = new UserStore();
    store.create(fields(3));
    expect(store.list(2)).toMatchObject({ lastId: '2' });
    expect(store.list(2, '2')).toEqual({ users: [expect.objectContaining({ id: '3' })] });
  });

  it('refuses a second user with the same email, whatever its case', () => {
    const store = new UserStore();
    expect(() => store.create({ name: 'Ada 2', email: 'ADA@example.com' })).toThrow(/already/);
    expect(() => store.replace('2', { name: 'Grace', email: 'ada@example.com' })).toThrow(
      /already/,
    );
    expect(store.replace('1', { name: 'Ada', email: 'Ada@Example.com' }).user.email).toBe(
      'Ada@Example.com',
    );
  });

  it('changes the ETag on every write', () => {
    const store = new UserStore();
    const before = store.get('1')?.etag;
    const after = store.replace('1', { name: 'Ada', email: 'ada@example.com' }).etag;
    expect(after).not.toBe(before);
    expect(store.get('1')?.etag).toBe(after);
  });

  it('searches name or email case-insensitively, up to the limit', () => {
    const store = new UserStore();
    expect(store.search('hopper', 10).map((user) => user.id)).toEqual(['2']);
    expect(store.search('example.com', 1).map((user) => user.id)).toEqual(['1']);
    expect(store.search('', 10)).toHaveLength(2);
  });
});

describe('cursors', () => {
  it('round-trip an id and refuse anything they did not produce', () => {
    expect(decodeCursor(encodeCursor('42'))).toBe('42');
    for (const cursor of ['', '42', 'bm9wZQ', encodeCursor('0'), encodeCursor('x')]) {
      expect(decodeCursor(cursor), cursor).toBeUndefined();
    }
  });
});
