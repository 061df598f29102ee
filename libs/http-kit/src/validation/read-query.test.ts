import { describe, expect, it } from 'vitest';

import { readQuery } from './read-query.js';

describe('readQuery', () => {
  const arrays = new Set(['tag']);

  it('splits the comma-joined value the Functions host sends for repeated keys (nodejs-library#168)', () => {
    // The host turns ?tag=a&tag=b into one "a,b" value.
    expect(readQuery(new URLSearchParams({ tag: 'a,b' }), arrays)).toEqual({ tag: ['a', 'b'] });
  });

  it('collects repeated keys as stream mode delivers them, and splits commas in each', () => {
    const query = new URLSearchParams([
      ['tag', 'a'],
      ['tag', 'b,c'],
    ]);
    expect(readQuery(query, arrays)).toEqual({ tag: ['a', 'b', 'c'] });
  });

  it('drops empty list entries', () => {
    expect(readQuery(new URLSearchParams('tag=&tag=a,,b'), arrays)).toEqual({ tag: ['a', 'b'] });
  });

  it('keeps the first value of a scalar key', () => {
    expect(readQuery(new URLSearchParams('limit=1&limit=2'), arrays)).toEqual({ limit: '1' });
  });

  it('never passes the Functions key (?code=) on', () => {
    expect(readQuery(new URLSearchParams('code=secret&limit=1'), arrays)).toEqual({ limit: '1' });
    expect(readQuery(new URLSearchParams('CODE=secret&Code=x'), arrays)).toEqual({});
  });

  it('stores hostile keys as plain data', () => {
    const values = readQuery(new URLSearchParams('__proto__=x&constructor=y'), arrays);
    expect(Object.keys(values)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(values)).toBeNull();
  });
});
