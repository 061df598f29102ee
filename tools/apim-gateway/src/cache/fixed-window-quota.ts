import { compactKey } from './compact-key.js';

export interface QuotaCheck {
  allowed: boolean;
  /** Seconds until the window renews; Infinity when renewal-period is 0 (never renews). */
  renewsInSeconds: number;
}

interface Window {
  index: number;
  used: number;
}

/** quota-by-key: fixed windows aligned to first-period-start; bounded by number and size of keys. */
export class FixedWindowQuota {
  private readonly windows = new Map<string, Window>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: { maxKeys: number; now?: () => number }) {
    this.maxKeys = options.maxKeys;
    this.now = options.now ?? Date.now;
  }

  check(key: string, calls: number, periodSeconds: number, firstPeriodStart: number): QuotaCheck {
    const { index, renewsInSeconds } = this.position(periodSeconds, firstPeriodStart);
    const window = this.windows.get(compactKey(key));
    const used = window && window.index === index ? window.used : 0;
    return { allowed: used < calls, renewsInSeconds };
  }

  record(key: string, periodSeconds: number, firstPeriodStart: number, count = 1): void {
    const { index } = this.position(periodSeconds, firstPeriodStart);
    const stored = compactKey(key);
    const window = this.windows.get(stored);
    const used = window && window.index === index ? window.used : 0;
    this.windows.delete(stored);
    this.windows.set(stored, { index, used: used + count });
    while (this.windows.size > this.maxKeys) {
      const oldest = this.windows.keys().next().value;
      if (oldest === undefined) break;
      this.windows.delete(oldest);
    }
  }

  private position(
    periodSeconds: number,
    firstPeriodStart: number,
  ): { index: number; renewsInSeconds: number } {
    if (periodSeconds === 0) return { index: 0, renewsInSeconds: Number.POSITIVE_INFINITY };
    const period = periodSeconds * 1000;
    const elapsed = this.now() - firstPeriodStart;
    const index = Math.floor(elapsed / period);
    const renewsAt = firstPeriodStart + (index + 1) * period;
    return { index, renewsInSeconds: Math.max(1, Math.ceil((renewsAt - this.now()) / 1000)) };
  }
}
