/** The baseline: one entry per call, the array copied on every check (the limiter before v2). */
export class ExactSlidingLog {
  private readonly windows = new Map<string, Array<{ at: number; count: number }>>();

  constructor(private readonly now: () => number) {}

  check(key: string, limit: number, periodSeconds: number): boolean {
    const used = this.prune(key, periodSeconds).reduce((sum, hit) => sum + hit.count, 0);
    return used < limit;
  }

  /** Puts `calls` calls at the current time in the window (filling it call by call is quadratic). */
  seed(key: string, calls: number): void {
    this.windows.set(
      key,
      Array.from({ length: calls }, () => ({ at: this.now(), count: 1 })),
    );
  }

  record(key: string, periodSeconds: number, count = 1): void {
    const hits = this.prune(key, periodSeconds);
    hits.push({ at: this.now(), count });
    this.windows.set(key, hits);
  }

  private prune(key: string, periodSeconds: number): Array<{ at: number; count: number }> {
    const cutoff = this.now() - periodSeconds * 1000;
    const hits = (this.windows.get(key) ?? []).filter((hit) => hit.at > cutoff);
    this.windows.set(key, hits);
    return hits;
  }
}
