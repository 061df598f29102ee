import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compactKey } from './compact-key.js';
import { SlidingWindowLimiter, SLOTS_PER_WINDOW } from './sliding-window-limiter.js';

function clock(start = 1_000_000): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('SlidingWindowLimiter (rate-limit renewal-period is a sliding window, counted approximately)', () => {
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

  it('a call leaves the count at most one slot (renewal-period / 10) early', () => {
    const c = clock(1_000_500);
    const limiter = new SlidingWindowLimiter({ maxKeys: 10, now: c.now });
    limiter.record('k', 10);
    c.advance(9_499);
    expect(limiter.check('k', 1, 10)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    c.advance(1);
    expect(limiter.check('k', 1, 10).allowed).toBe(true);
  });

  it('evicts the least recently used key beyond maxKeys', () => {
    const limiter = new SlidingWindowLimiter({ maxKeys: 2 });
    limiter.record('a', 60);
    limiter.record('b', 60);
    limiter.record('c', 60);
    expect(limiter.size).toBe(2);
    expect(limiter.check('a', 1, 60).allowed).toBe(true);
    expect(limiter.check('c', 1, 60).allowed).toBe(false);
  });

  it('keeps a fixed-size counter per key however many calls are in the window', () => {
    const limiter = new SlidingWindowLimiter({ maxKeys: 10 });
    for (let i = 0; i < 100_000; i++) limiter.record('busy', 300);
    expect(limiter.size).toBe(1);
    expect(limiter.check('busy', 100_001, 300)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limiter.check('busy', 100_000, 300).allowed).toBe(false);
  });

  const calls = fc.array(
    fc.record({
      waitMs: fc.integer({ min: 0, max: 4_000 }),
      count: fc.integer({ min: 1, max: 3 }),
    }),
    { maxLength: 60 },
  );

  it('brackets the exact sliding window: never blocks what an exact count allows, never admits more than `calls` in (renewal-period − one slot)', () => {
    fc.assert(
      fc.property(
        calls,
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(1, 5, 10, 60),
        (sequence, limit, period) => {
          const c = clock(1_000_000);
          const limiter = new SlidingWindowLimiter({ maxKeys: 5, now: c.now });
          const admitted: Array<{ at: number; count: number }> = [];
          const countSince = (from: number): number =>
            admitted.filter((call) => call.at > from).reduce((sum, call) => sum + call.count, 0);
          for (const { waitMs, count } of sequence) {
            c.advance(waitMs);
            const exactUsed = countSince(c.now() - period * 1000);
            const check = limiter.check('k', limit, period);
            if (exactUsed < limit) expect(check.allowed).toBe(true);
            if (!check.allowed) continue;
            limiter.record('k', period, count);
            admitted.push({ at: c.now(), count });
            const shortWindow = period * 1000 * (1 - 1 / SLOTS_PER_WINDOW);
            expect(countSince(c.now() - shortWindow) - count).toBeLessThan(limit);
          }
        },
      ),
    );
  });

  it('Retry-After is honest: at most renewal-period, and waiting it out lets the next call through', () => {
    fc.assert(
      fc.property(
        calls,
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(1, 5, 10, 60),
        (sequence, limit, period) => {
          const c = clock(1_000_000);
          const limiter = new SlidingWindowLimiter({ maxKeys: 5, now: c.now });
          for (const { waitMs, count } of sequence) {
            c.advance(waitMs);
            const check = limiter.check('k', limit, period);
            if (check.allowed) {
              limiter.record('k', period, count);
              continue;
            }
            expect(check.retryAfterSeconds).toBeGreaterThanOrEqual(1);
            expect(check.retryAfterSeconds).toBeLessThanOrEqual(period);
            c.advance(check.retryAfterSeconds * 1000);
            expect(limiter.check('k', limit, period).allowed).toBe(true);
          }
        },
      ),
    );
  });
});

describe('compactKey (counter memory is bounded in bytes, not only in keys)', () => {
  it('keeps short keys, digests long ones to a fixed size, and never lets the two forms collide', () => {
    expect(compactKey('subscription:dev')).toBe('=subscription:dev');
    const long = compactKey('x'.repeat(100_000));
    expect(long.length).toBeLessThanOrEqual(44);
    expect(compactKey('x'.repeat(100_001))).not.toBe(long);
    expect(compactKey(long)).not.toBe(long);
  });
});
