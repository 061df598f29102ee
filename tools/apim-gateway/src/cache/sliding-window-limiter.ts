interface Hit {
  at: number;
  count: number;
}

export interface LimitCheck {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/** Sliding-window call counters (rate-limit, rate-limit-by-key), bounded by number of keys. */
export class SlidingWindowLimiter {
  private readonly windows = new Map<string, Hit[]>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: { maxKeys: number; now?: () => number }) {
    this.maxKeys = options.maxKeys;
    this.now = options.now ?? Date.now;
  }

  check(key: string, limit: number, periodSeconds: number): LimitCheck {
    const hits = this.prune(key, periodSeconds);
    const used = hits.reduce((sum, hit) => sum + hit.count, 0);
    if (used < limit) return { allowed: true, remaining: limit - used, retryAfterSeconds: 0 };
    let excess = used - limit + 1;
    let freeAt = this.now() + periodSeconds * 1000;
    for (const hit of hits) {
      excess -= hit.count;
      if (excess <= 0) {
        freeAt = hit.at + periodSeconds * 1000;
        break;
      }
    }
    return {
      allowed: false,
      remaining: 0,
      retryAfterSeconds: Math.max(1, Math.ceil((freeAt - this.now()) / 1000)),
    };
  }

  record(key: string, periodSeconds: number, count = 1): void {
    const hits = this.prune(key, periodSeconds);
    hits.push({ at: this.now(), count });
    this.windows.delete(key);
    this.windows.set(key, hits);
    while (this.windows.size > this.maxKeys) {
      const oldest = this.windows.keys().next().value;
      if (oldest === undefined) break;
      this.windows.delete(oldest);
    }
  }

  private prune(key: string, periodSeconds: number): Hit[] {
    const cutoff = this.now() - periodSeconds * 1000;
    const hits = (this.windows.get(key) ?? []).filter((hit) => hit.at > cutoff);
    if (hits.length === 0) this.windows.delete(key);
    else this.windows.set(key, hits);
    return hits;
  }
}
