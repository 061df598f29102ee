import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startRecordingBackend } from '../src/testing.js';
import { policy } from '../test-fixtures/test-gateway.js';
import { type ChildGateway, KEY, startChildGateway } from './child-gateway.js';
import { send } from './load.js';

const CACHE_AND_LIMIT = policy({
  inbound: `<base />
    <rate-limit-by-key calls="5" renewal-period="60" counter-key='@(context.Request.Headers.GetValueOrDefault("x-client", "none"))' />
    <cache-lookup vary-by-developer="false" vary-by-developer-groups="false"><vary-by-header>Accept</vary-by-header></cache-lookup>`,
  outbound: '<base /><cache-store duration="60" />',
});

// Separators that used to build cache keys, so a collision would show up quickly.
const part = fc.string({ unit: fc.constantFrom('a', '|', '=', ':', '&', ',', 'h'), maxLength: 5 });

describe('cache-key and rate-limiter properties over sockets', () => {
  let gateway: ChildGateway;
  let closeBackend: () => Promise<void>;
  let clientSeq = 0;
  beforeAll(async () => {
    let served = 0;
    // echoes what it was asked, so a response served for another request is visible
    const backend = await startRecordingBackend((request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          n: ++served,
          url: request.url,
          accept: request.headers['accept'] ?? null,
        }),
      );
    });
    closeBackend = () => backend.close();
    gateway = await startChildGateway({
      backendUrl: `${backend.url}/api`,
      apiPolicy: CACHE_AND_LIMIT,
    });
  });
  afterAll(async () => {
    await gateway.stop();
    await closeBackend();
  });

  it('a cached response is only ever served for the request it was stored for', async () => {
    let hits = 0;
    await fc.assert(
      fc.asyncProperty(part, part, async (x, accept) => {
        const path = `/api/catalog/1?x=${encodeURIComponent(x)}`;
        const reply = await send(gateway.port, path, {
          headers: {
            'Ocp-Apim-Subscription-Key': KEY,
            Accept: accept,
            'x-client': `c${clientSeq++}`,
          },
        });
        expect(reply.status).toBe(200);
        const body = JSON.parse(reply.body) as { n: number; url: string; accept: string | null };
        expect([body.url, body.accept]).toEqual([path, accept]);
        if (body.n < clientSeq) hits++;
      }),
      { numRuns: 400 },
    );
    // the small alphabet repeats requests, so the property is also checked on cache hits
    expect(hits).toBeGreaterThan(0);
  });

  it('each counter key admits exactly `calls` requests per window, then APIM’s 429 with an honest Retry-After', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }),
        async (clients) => {
          const round = clientSeq++;
          const admitted = new Map<number, number>();
          for (const client of clients) {
            const reply = await send(gateway.port, '/api/health', {
              headers: { 'Ocp-Apim-Subscription-Key': KEY, 'x-client': `limit-${round}-${client}` },
            });
            const used = admitted.get(client) ?? 0;
            if (used < 5) {
              expect(reply.status).toBe(200);
              admitted.set(client, used + 1);
              continue;
            }
            expect(reply.status).toBe(429);
            const retryAfter = Number(reply.headers['retry-after']);
            expect(retryAfter).toBeGreaterThanOrEqual(1);
            expect(retryAfter).toBeLessThanOrEqual(60);
            expect(JSON.parse(reply.body)).toEqual({
              statusCode: 429,
              message: `Rate limit is exceeded. Try again in ${retryAfter} seconds.`,
            });
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
