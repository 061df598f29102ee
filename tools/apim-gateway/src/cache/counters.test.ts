import { describe, expect, it } from 'vitest';

import { BoundedCache } from './bounded-cache.js';
import { FixedWindowQuota } from './fixed-window-quota.js';

function clock(start = 1_000_000): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('FixedWindowQuota (quota-by-key renews at fixed period boundaries)', () => {
  it('blocks after `calls` and reports the time to the window end', () => {
    const c = clock(0);
    const quota = new FixedWindowQuota({ maxKeys: 10, now: c.now });
    c.advance(100_000);
    quota.record('k', 300, 0);
    expect(quota.check('k', 1, 300, 0)).toEqual({ allowed: false, renewsInSeconds: 200 });
    c.advance(200_000);
    expect(quota.check('k', 1, 300, 0).allowed).toBe(true);
  });

  it('never renews when renewal-period is 0', () => {
    const quota = new FixedWindowQuota({ maxKeys: 10 });
    quota.record('k', 0, 0);
    expect(quota.check('k', 1, 0, 0)).toEqual({
      allowed: false,
      renewsInSeconds: Number.POSITIVE_INFINITY,
    });
  });
});

describe('BoundedCache', () => {
  it('expires entries after their TTL', () => {
    const c = clock();
    const cache = new BoundedCache<string>({ maxEntries: 10, now: c.now });
    cache.set('k', 'v', 5);
    expect(cache.get('k')).toBe('v');
    c.advance(5_000);
    expect(cache.get('k')).toBeUndefined();
  });

  it('evicts least recently used entries by count and by bytes', () => {
    const cache = new BoundedCache<string>({
      maxEntries: 2,
      maxBytes: 10,
      sizeOf: (v) => v.length,
    });
    cache.set('a', '1234', 60);
    cache.set('b', '1234', 60);
    cache.get('a');
    cache.set('c', '12', 60);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('1234');
    expect(cache.set('huge', '12345678901', 60)).toBe(false);
    cache.set('d', '12345678', 60);
    expect(cache.size).toBe(1);
  });

  it('keeps LRU order when the newest entry is read again, deleted or evicted', () => {
    const cache = new BoundedCache<string>({ maxEntries: 2 });
    cache.set('a', '1', 60);
    cache.set('b', '2', 60);
    cache.get('b');
    cache.get('a');
    cache.get('a');
    cache.set('c', '3', 60);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('1');
    cache.delete('a');
    cache.set('d', '4', 60);
    cache.get('c');
    cache.set('e', '5', 60);
    expect(cache.get('d')).toBeUndefined();
    expect(cache.get('c')).toBe('3');
    expect(cache.get('e')).toBe('5');
  });
});
