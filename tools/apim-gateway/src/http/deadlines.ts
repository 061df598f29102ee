import { performance } from 'node:perf_hooks';

/** A pending deadline; cancelling it touches no Node timer. */
export interface Deadline {
  cancel(): void;
}

class Entry implements Deadline {
  prev: Entry | undefined;
  next: Entry | undefined;
  linked = true;

  constructor(
    readonly queue: DeadlineQueue,
    readonly at: number,
    readonly fire: () => void,
  ) {}

  cancel(): void {
    this.queue.remove(this);
  }
}

// Deadlines of one duration expire in the order they were set: a linked list, one timer for its head.
class DeadlineQueue {
  private head: Entry | undefined;
  private tail: Entry | undefined;
  private armed = false;

  constructor(
    private readonly ms: number,
    private readonly onEmpty: () => void,
  ) {}

  add(fire: () => void): Entry {
    const entry = new Entry(this, performance.now() + this.ms, fire);
    entry.prev = this.tail;
    if (this.tail) this.tail.next = entry;
    else this.head = entry;
    this.tail = entry;
    if (!this.armed) this.arm(this.ms);
    return entry;
  }

  remove(entry: Entry): void {
    if (!entry.linked) return;
    entry.linked = false;
    if (entry.prev) entry.prev.next = entry.next;
    else this.head = entry.next;
    if (entry.next) entry.next.prev = entry.prev;
    else this.tail = entry.prev;
    entry.prev = undefined;
    entry.next = undefined;
  }

  private arm(delay: number): void {
    this.armed = true;
    // unref: a pending backend call keeps the process alive through its socket, not through this
    setTimeout(this.expire, Math.max(0, delay)).unref();
  }

  private readonly expire = (): void => {
    this.armed = false;
    const now = performance.now();
    try {
      while (this.head && this.head.at <= now) {
        const entry = this.head;
        this.remove(entry);
        entry.fire();
      }
    } finally {
      // re-armed even if a callback threw; one that set a deadline of this duration armed it already
      if (!this.armed) {
        if (this.head) this.arm(this.head.at - now);
        else this.onEmpty();
      }
    }
  };
}

const queues = new Map<number, DeadlineQueue>();

/**
 * Calls `fire` after `ms` unless cancelled first. One shared timer per duration instead of a
 * setTimeout/clearTimeout pair per request: most deadlines are cancelled long before they expire.
 */
export function setDeadline(ms: number, fire: () => void): Deadline {
  let queue = queues.get(ms);
  if (!queue) {
    queue = new DeadlineQueue(ms, () => {
      if (queues.get(ms) === queue) queues.delete(ms);
    });
    queues.set(ms, queue);
  }
  return queue.add(fire);
}
