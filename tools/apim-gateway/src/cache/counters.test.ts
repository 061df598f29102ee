import { describe, expect, it } from 'vitest';

import { BoundedCache } from './bounded-cache.js';
import { FixedWindowQuota } from './fixed-window-quota.js';
import { SlidingWindowLimiter } from './sliding-window-limiter.js';

function clock(start = 1_000_000): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('SlidingWindowLimiter (rate-limit renewal-period is a sliding window)', () => {
  it('allows `calls` per window and frees slots as old calls slide out', () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter({ maxKeys: 10, now: c.now });
    limiter.record('k', 10);
    c.advance(4_000);
    limiter.record('k', 10);
    expect(limiter.check('k', 2, 10)).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 6,
    });
    c.advance(6_001);
    expect(limiter.check('k', 2, 10)).toEqual({
      allowed: true,
      remaining: 1,
      retryAfterSeconds: 0,
    });
  });

  it('evicts the least recently used key beyond maxKeys', () => {
    const limiter = new SlidingWindowLimiter({ maxKeys: 2 });
    limiter.record('a', 60);
    limiter.record('b', 60);
    limiter.record('c', 60);
    expect(limiter.check('a', 1, 60).allowed).toBe(true);
    expect(limiter.check('c', 1, 60).allowed).toBe(false);
  });
});

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
});
