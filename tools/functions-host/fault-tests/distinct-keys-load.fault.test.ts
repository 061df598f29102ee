import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type ChildHost, get, KEYS, runPool, startChildHost } from './child-host.js';

const MiB = 1024 * 1024;

describe('a bounded load of 10,000 distinct keys and paths', () => {
  let host: ChildHost;
  beforeAll(async () => {
    host = await startChildHost();
  });
  afterAll(() => host.stop());

  it('10,000 requests, each with its own path and key (valid, wrong, or an unknown route), leave host memory bounded', async (context) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    // Warm-up with the same mix, so the measurement is not the JIT's or the allocator's first growth.
    await runPool(2000, 50, (i) =>
      get(host.port, `/api/${i % 2 ? 'keyed/' : ''}warm-${i}?code=${KEYS.host}`, agent),
    );
    const before = await host.memory();
    const replies = await runPool(10_000, 50, (i) => {
      const unique = `${i}-${randomBytes(8).toString('hex')}`;
      if (i % 3 === 0) return get(host.port, `/api/keyed/${unique}?code=${KEYS.host}`, agent);
      if (i % 3 === 1) return get(host.port, `/api/keyed/${unique}?code=${unique}`, agent);
      return get(host.port, `/api/${unique}?code=${unique}`, agent);
    });
    agent.destroy();
    const after = await host.memory();
    context.task.meta.rssBefore = before.rss;
    context.task.meta.rssAfter = after.rss;
    const count = (status: number): number =>
      replies.filter((reply) => reply.status === status).length;
    expect([count(200), count(401), count(404)]).toEqual([3334, 3333, 3333]);
    expect(after.rss - before.rss).toBeLessThan(64 * MiB);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(16 * MiB);
  });
});
