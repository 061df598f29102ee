import { describe, expect, it } from 'vitest';

import { DeadlineQueue, DeadlineQueues } from './deadline-queue.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('DeadlineQueue', () => {
  it('expires entries in the order they were added, no earlier than their delay', async () => {
    const expired: { name: string; after: number }[] = [];
    const started = performance.now();
    const queue = new DeadlineQueue<string>(40, (name) =>
      expired.push({ name, after: performance.now() - started }),
    );
    queue.add('a');
    await sleep(15);
    queue.add('b');
    await sleep(80);
    expect(expired.map((entry) => entry.name)).toEqual(['a', 'b']);
    expect(expired[0]?.after).toBeGreaterThanOrEqual(39);
    expect(expired[1]?.after).toBeGreaterThanOrEqual(15 + 39);
    expect(queue.size()).toBe(0);
  });

  it('a cancelled head, middle or tail entry never expires; the others still do', async () => {
    const expired: string[] = [];
    const queue = new DeadlineQueue<string>(30, (name) => expired.push(name));
    const a = queue.add('a');
    queue.add('b');
    const c = queue.add('c');
    const d = queue.add('d');
    a.cancel();
    c.cancel();
    d.cancel();
    d.cancel();
    expect(queue.size()).toBe(1);
    await sleep(70);
    expect(expired).toEqual(['b']);
  });

  it('re-arms for a later entry after the head it was armed for was cancelled', async () => {
    const expired: string[] = [];
    const queue = new DeadlineQueue<string>(40, (name) => expired.push(name));
    const first = queue.add('first');
    await sleep(20);
    queue.add('second');
    first.cancel();
    await sleep(30);
    expect(expired).toEqual([]);
    await sleep(50);
    expect(expired).toEqual(['second']);
  });

  it('keeps no timer when empty, so it never holds the process open or wakes it', async () => {
    const expired: string[] = [];
    const queue = new DeadlineQueue<string>(20, (name) => expired.push(name));
    queue.add('x').cancel();
    expect((queue as unknown as { timer: unknown }).timer).toBeUndefined();
    await sleep(40);
    expect(expired).toEqual([]);
  });

  it('a throwing callback neither stops the other deadlines nor the later ones', async () => {
    const expired: string[] = [];
    const queue = new DeadlineQueue<string>(20, (name) => {
      expired.push(name);
      if (name === 'a') throw new Error('boom');
    });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown): void => void uncaught.push(error);
    process.prependListener('uncaughtException', onUncaught);
    try {
      queue.add('a');
      queue.add('b');
      await sleep(10);
      queue.add('c');
      await sleep(60);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(expired).toEqual(['a', 'b', 'c']);
    expect(uncaught).toHaveLength(1);
  });

  it('rejects a delay a timer cannot wait for', () => {
    expect(() => new DeadlineQueue(2 ** 31, () => undefined)).toThrow(/0…2147483647 ms/);
    expect(() => new DeadlineQueue(Number.NaN, () => undefined)).toThrow(RangeError);
  });
});

describe('DeadlineQueues', () => {
  it('keeps one queue per delay', async () => {
    const expired: string[] = [];
    const queues = new DeadlineQueues<string>((name) => expired.push(name));
    queues.add(50, 'slow');
    queues.add(10, 'fast');
    await sleep(30);
    expect(expired).toEqual(['fast']);
    await sleep(50);
    expect(expired).toEqual(['fast', 'slow']);
  });
});
