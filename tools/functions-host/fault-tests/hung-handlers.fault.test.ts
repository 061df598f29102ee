import { Agent } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type ChildHost, get, runPool, startChildHost } from './child-host.js';

const MiB = 1024 * 1024;

describe('hung handlers', () => {
  let host: ChildHost;
  beforeAll(async () => {
    host = await startChildHost({ AzureFunctionsJobHost__functionTimeout: '00:00:01' });
  });
  afterAll(() => host.stop());

  it('2,400 hung invocations (1 MiB each) all end at functionTimeout with 500, and the host lets go of their memory', async (context) => {
    const before = await host.memory();
    const agent = new Agent({ keepAlive: true, maxSockets: 400 });
    const replies = await runPool(2400, 400, () => get(host.port, '/api/hang', agent));
    agent.destroy();
    const after = await host.memory();
    context.task.meta.rssBefore = before.rss;
    context.task.meta.rssAfter = after.rss;
    expect(replies.filter((reply) => reply.status === 500)).toHaveLength(2400);
    expect(after.gc).toBe(true);
    expect(after.hung).toBe(2400);
    // Every hung handler's 1 MiB is collectable once the host has timed it out.
    expect(after.hungAlive).toBe(0);
    // Retained, they would be 2,400 MiB of buffers; RSS also holds allocator and socket slack.
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(32 * MiB);
    expect(after.rss - before.rss).toBeLessThan(256 * MiB);
    const timeouts = host
      .output()
      .match(/Timeout value of 00:00:01 exceeded by function 'Functions\.hang'/g);
    expect(timeouts).toHaveLength(2400);
  });
});
