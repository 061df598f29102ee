import { describe, expect, it } from 'vitest';

import { StartupError } from '../startup/startup-error.js';
import { startFixture } from '../testing/fixture-host.js';
import { RequestQueue } from './request-queue.js';

const limits = (outstanding: string, concurrent: string): Record<string, string> => ({
  AzureFunctionsJobHost__extensions__http__maxOutstandingRequests: outstanding,
  AzureFunctionsJobHost__extensions__http__maxConcurrentRequests: concurrent,
});

describe('host.json maxOutstandingRequests / maxConcurrentRequests (HttpThrottleMiddleware)', () => {
  // The throttle runs before the invocation; in streams mode a slot is held until the response is delivered.
  it.each(['default', 'streams'] as const)(
    'past maxOutstandingRequests the host answers 429 with an empty body and logs the queue limit (%s mode)',
    async (mode) => {
      const host = await startFixture('faults', { env: limits('2', '1') }, mode);
      try {
        const responses = await Promise.all(
          Array.from({ length: 4 }, () => host.get('/api/slow?ms=200')),
        );
        const statuses = responses.map((response) => response.status).sort();
        expect(statuses).toEqual([200, 200, 429, 429]);
        const throttled = responses.find((response) => response.status === 429);
        expect(await throttled?.text()).toBe('');
        expect(host.logs.map((entry) => entry.message)).toContain(
          'Http request queue limit of 2 has been exceeded.',
        );
        expect((await host.get('/api/slow?ms=1')).status).toBe(200);
      } finally {
        await host.close();
      }
    },
  );

  it('maxConcurrentRequests queues the rest in order instead of refusing them', async () => {
    const queue = new RequestQueue(-1, 1);
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3].map(async (n) => {
        const release = await queue.tryEnter();
        order.push(n);
        await new Promise((resolve) => setTimeout(resolve, 5));
        release?.();
      }),
    );
    expect(order).toEqual([1, 2, 3]);
    expect(queue.outstanding).toBe(0);
  });

  it('a timed-out invocation frees its slot (Azure restarts the worker and the request completes)', async () => {
    const host = await startFixture('faults', {
      env: { ...limits('1', '1'), AzureFunctionsJobHost__functionTimeout: '00:00:01' },
    });
    try {
      expect((await host.get('/api/hang')).status).toBe(500);
      expect((await host.get('/api/slow?ms=1')).status).toBe(200);
    } finally {
      await host.close();
    }
  });

  it('a limit of 0 (or any other invalid value) is refused at start-up with a clear message', async () => {
    const error = await startFixture('faults', { env: limits('0', '-1') }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(
      /AzureFunctionsJobHost__extensions__http__maxOutstandingRequests must be a whole number of requests \(1 or more\), or -1 for unbounded; got "0"/,
    );
  });
});
