/**
 * host.json `maxOutstandingRequests` / `maxConcurrentRequests` as the host's HttpRequestQueue
 * applies them (an ActionBlock with BoundedCapacity / MaxDegreeOfParallelism): at most
 * `maxConcurrent` requests run, the rest wait in order, and a request that would make more
 * than `maxOutstanding` running + waiting is refused (the caller answers 429).
 */
export class RequestQueue {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    readonly maxOutstanding: number,
    readonly maxConcurrent: number,
  ) {}

  get outstanding(): number {
    return this.#running + this.#waiting.length;
  }

  /** Undefined when full; otherwise resolves, once the request may run, to its release function. */
  tryEnter(): Promise<() => void> | undefined {
    if (this.maxOutstanding !== -1 && this.outstanding >= this.maxOutstanding) return undefined;
    if (this.maxConcurrent === -1 || this.#running < this.maxConcurrent) {
      this.#running += 1;
      return Promise.resolve(this.#ticket());
    }
    return new Promise((resolve) =>
      this.#waiting.push(() => {
        this.#running += 1;
        resolve(this.#ticket());
      }),
    );
  }

  #ticket(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#running -= 1;
      this.#waiting.shift()?.();
    };
  }
}
