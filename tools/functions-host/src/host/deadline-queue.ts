// setTimeout fires at once for longer delays; such a limit is unbounded in practice (24.8 days).
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A pending deadline; `cancel()` drops it in O(1). */
export class Deadline<T> {
  prev: Deadline<T> | undefined = undefined;
  next: Deadline<T> | undefined = undefined;
  linked = true;

  constructor(
    readonly queue: DeadlineQueue<T>,
    readonly at: number,
    readonly target: T,
  ) {}

  cancel(): void {
    this.queue.remove(this);
  }
}

/**
 * Deadlines that all share one delay, behind a single unref'd timer: with one delay they expire in
 * the order they were added, so a linked list is the queue and only its head needs a timer. Saves
 * a Timeout (object, async id, list insert, ref toggles) per request for limits that rarely fire.
 */
export class DeadlineQueue<T> {
  private head: Deadline<T> | undefined = undefined;
  private tail: Deadline<T> | undefined = undefined;
  private timer: NodeJS.Timeout | undefined = undefined;
  private readonly onTimer = (): void => this.expire();

  constructor(
    readonly delayMs: number,
    private readonly onExpire: (target: T) => void,
  ) {
    if (!(delayMs >= 0 && delayMs <= MAX_TIMER_MS)) {
      throw new RangeError(`A deadline delay must be 0…${MAX_TIMER_MS} ms, got ${delayMs}.`);
    }
  }

  add(target: T): Deadline<T> {
    const entry = new Deadline(this, performance.now() + this.delayMs, target);
    if (this.tail) {
      this.tail.next = entry;
      entry.prev = this.tail;
    } else {
      this.head = entry;
    }
    this.tail = entry;
    // A removed head leaves the timer armed for a later deadline: it re-arms when it fires.
    this.timer ??= setTimeout(this.onTimer, this.delayMs).unref();
    return entry;
  }

  remove(entry: Deadline<T>): void {
    if (!entry.linked) return;
    entry.linked = false;
    if (entry.prev) entry.prev.next = entry.next;
    else this.head = entry.next;
    if (entry.next) entry.next.prev = entry.prev;
    else this.tail = entry.prev;
    entry.prev = undefined;
    entry.next = undefined;
    // Nothing left to wait for: no wakeup later.
    if (!this.head && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** Pending deadlines (for tests). */
  size(): number {
    let count = 0;
    for (let entry = this.head; entry; entry = entry.next) count += 1;
    return count;
  }

  private expire(): void {
    this.timer = undefined;
    const now = performance.now();
    // A throwing callback must not cost the other deadlines theirs (as with a timer each):
    // the rest still expire and the timer is re-armed before the first error is rethrown.
    let failed: { error: unknown } | undefined;
    // Timers round to whole milliseconds: a head due within 1 ms counts as due.
    while (this.head && this.head.at <= now + 1) {
      const entry = this.head;
      this.remove(entry);
      try {
        this.onExpire(entry.target);
      } catch (error) {
        failed ??= { error };
      }
    }
    if (this.head && !this.timer) {
      this.timer = setTimeout(this.onTimer, Math.ceil(this.head.at - now)).unref();
    }
    if (failed) throw failed.error;
  }
}

/** One queue per delay, made on first use (a host has one delay per limit). */
export class DeadlineQueues<T> {
  private readonly byDelay = new Map<number, DeadlineQueue<T>>();

  constructor(private readonly onExpire: (target: T) => void) {}

  add(delayMs: number, target: T): Deadline<T> {
    let queue = this.byDelay.get(delayMs);
    if (!queue) {
      queue = new DeadlineQueue(delayMs, this.onExpire);
      this.byDelay.set(delayMs, queue);
    }
    return queue.add(target);
  }
}
