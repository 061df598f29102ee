import { compactKey } from './compact-key.js';

export interface LimitCheck {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

// The window is counted in this many slots: a call leaves the count at most one slot early.
export const SLOTS_PER_WINDOW = 10;

interface Counter {
  periodMs: number;
  /** Absolute index (time / slot length) of the newest slot. */
  slot: number;
  counts: Uint32Array;
  total: number;
}

/**
 * rate-limit / rate-limit-by-key: a sliding-window counter (APIM documents its limits as
 * approximate). Each key holds SLOTS_PER_WINDOW counters and a running total, so a check costs the
 * same with 10 or 100,000 calls in the window, and memory is bounded by maxKeys (LRU) and key size.
 */
export class SlidingWindowLimiter {
  private readonly counters = new Map<string, Counter>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: { maxKeys: number; now?: () => number }) {
    this.maxKeys = options.maxKeys;
    this.now = options.now ?? Date.now;
  }

  /** Keys currently counted. */
  get size(): number {
    return this.counters.size;
  }

  check(key: string, limit: number, periodSeconds: number): LimitCheck {
    const counter = this.current(compactKey(key), periodSeconds);
    const used = counter?.total ?? 0;
    if (!counter || used < limit)
      return { allowed: true, remaining: limit - used, retryAfterSeconds: 0 };
    // the oldest slots leave the window first; find the one whose expiry frees enough calls
    const slotMs = counter.periodMs / SLOTS_PER_WINDOW;
    let toFree = used - limit + 1;
    let slot = counter.slot - SLOTS_PER_WINDOW + 1;
    for (; slot <= counter.slot; slot++) {
      toFree -= counter.counts[slot % SLOTS_PER_WINDOW] as number;
      if (toFree <= 0) break;
    }
    const freeAt = (slot + SLOTS_PER_WINDOW) * slotMs;
    return {
      allowed: false,
      remaining: 0,
      retryAfterSeconds: Math.max(1, Math.ceil((freeAt - this.now()) / 1000)),
    };
  }

  record(key: string, periodSeconds: number, count = 1): void {
    const stored = compactKey(key);
    let counter = this.current(stored, periodSeconds);
    if (!counter) {
      const periodMs = periodSeconds * 1000;
      counter = {
        periodMs,
        slot: this.slotAt(periodMs),
        counts: new Uint32Array(SLOTS_PER_WINDOW),
        total: 0,
      };
    }
    const index = counter.slot % SLOTS_PER_WINDOW;
    counter.counts[index] = (counter.counts[index] as number) + count;
    counter.total += count;
    // re-insert: Map order is the LRU order
    this.counters.delete(stored);
    this.counters.set(stored, counter);
    while (this.counters.size > this.maxKeys) {
      const oldest = this.counters.keys().next().value;
      if (oldest === undefined) break;
      this.counters.delete(oldest);
    }
  }

  /** The key's counter moved to the present, or undefined when it has none (or another period). */
  private current(stored: string, periodSeconds: number): Counter | undefined {
    const counter = this.counters.get(stored);
    if (!counter || counter.periodMs !== periodSeconds * 1000) return undefined;
    const slot = this.slotAt(counter.periodMs);
    const elapsed = slot - counter.slot;
    if (elapsed >= SLOTS_PER_WINDOW) {
      counter.counts.fill(0);
      counter.total = 0;
    } else {
      for (let s = counter.slot + 1; s <= slot; s++) {
        counter.total -= counter.counts[s % SLOTS_PER_WINDOW] as number;
        counter.counts[s % SLOTS_PER_WINDOW] = 0;
      }
    }
    counter.slot = slot;
    return counter;
  }

  private slotAt(periodMs: number): number {
    return Math.floor(this.now() / (periodMs / SLOTS_PER_WINDOW));
  }
}
