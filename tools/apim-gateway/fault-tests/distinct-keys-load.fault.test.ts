import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startRecordingBackend } from '../src/testing.js';
import { policy } from '../test-fixtures/test-gateway.js';
import { type ChildGateway, KEY, startChildGateway } from './child-gateway.js';
import { runPool, send } from './load.js';

const MiB = 1024 * 1024;

// A counter per client header and a cache entry per query: every request creates new keys.
const KEYED_POLICY = policy({
  inbound: `<base />
    <rate-limit-by-key calls="100" renewal-period="300" counter-key='@(context.Request.Headers.GetValueOrDefault("x-client", "none"))' />
    <cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />`,
  outbound: '<base /><cache-store duration="300" />',
});

describe('a bounded load of 10,000 distinct keys', () => {
  let gateway: ChildGateway;
  let closeBackend: () => Promise<void>;
  beforeAll(async () => {
    const backend = await startRecordingBackend((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ pad: 'p'.repeat(512) }));
    });
    closeBackend = () => backend.close();
    // the limits a recipe gets by default: 10,000 counter keys, 1,000 cached responses
    gateway = await startChildGateway({
      backendUrl: `${backend.url}/api`,
      apiPolicy: KEYED_POLICY,
    });
  });
  afterAll(async () => {
    await gateway.stop();
    await closeBackend();
  });

  it('10,000 requests, each with its own counter key and cache key (or an invalid subscription key), leave gateway memory bounded', async (context) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    const request = (i: number, label: string): Promise<{ status: number }> => {
      const unique = `${label}-${i}-${randomBytes(8).toString('hex')}`;
      return send(gateway.port, `/api/catalog/${unique}?v=${unique}`, {
        agent,
        headers: {
          'Ocp-Apim-Subscription-Key': i % 4 === 3 ? unique : KEY,
          'x-client': `${unique}-${'k'.repeat(i % 200)}`,
        },
      });
    };
    // warm-up with the same mix fills the maps to their bounds first
    await runPool(12_000, 50, (i) => request(i, 'warm'));
    const before = await gateway.memory();
    const replies = await runPool(10_000, 50, (i) => request(i, 'load'));
    agent.destroy();
    const after = await gateway.memory();
    context.task.meta.rssBefore = before.rss;
    context.task.meta.rssAfter = after.rss;
    const count = (status: number): number => replies.filter((r) => r.status === status).length;
    expect([count(200), count(401)]).toEqual([7500, 2500]);
    expect(after.rss - before.rss).toBeLessThan(64 * MiB);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(16 * MiB);
    expect(gateway.child.exitCode).toBeNull();
  });
});
