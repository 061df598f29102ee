import { describe, expect, it } from 'vitest';

import type { HostLogEntry } from '../core/host-log.js';
import { StartupError } from '../startup/startup-error.js';
import { startFixture } from '../testing/fixture-host.js';
import { forceGc } from '../testing/force-gc.js';

const hungRefs = (): WeakRef<object>[] =>
  (globalThis as { __hungRefs?: WeakRef<object>[] }).__hungRefs ?? [];

async function waitForLog(logs: HostLogEntry[], text: string, count = 1): Promise<void> {
  while (logs.filter((entry) => entry.message.includes(text)).length < count) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('functionTimeout (host.json) and the 230 s front-end limit', () => {
  it('Flex Consumption default: 30 minutes when host.json sets none; "-1" is unbounded', async () => {
    const host = await startFixture('faults');
    await host.close();
    expect(host.limits).toMatchObject({
      functionTimeoutMs: 30 * 60_000,
      functionTimeoutText: '00:30:00',
      frontEndTimeoutMs: 230_000,
    });
    const unbounded = await startFixture('faults', {
      env: { AzureFunctionsJobHost__functionTimeout: '-1' },
    });
    await unbounded.close();
    expect(unbounded.limits.functionTimeoutMs).toBeUndefined();
  });

  it('a hung invocation ends at functionTimeout: the client gets 500, the host logs it like WebJobs.Host, and its memory is released', async () => {
    const host = await startFixture('faults', {
      env: { AzureFunctionsJobHost__functionTimeout: '00:00:01' },
    });
    try {
      const before = hungRefs().length;
      const responses = await Promise.all(Array.from({ length: 20 }, () => host.get('/api/hang')));
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(500));
      const timeouts = host.logs.filter((entry) =>
        /^Timeout value of 00:00:01 exceeded by function 'Functions\.hang' \(Id: '[0-9a-f-]{36}'\)\. Initiating cancellation\.$/.test(
          entry.message,
        ),
      );
      expect(timeouts).toHaveLength(20);
      expect(timeouts[0]).toMatchObject({ level: 'error', functionName: 'hang' });
      expect(host.logs.map((entry) => entry.message)).toContain(
        'Microsoft.Azure.WebJobs.Host: Timeout value of 00:00:01 was exceeded by function: Functions.hang.',
      );
      await forceGc();
      const alive = hungRefs()
        .slice(before)
        .filter((ref) => ref.deref() !== undefined);
      expect(alive).toHaveLength(0);
    } finally {
      await host.close();
    }
  });

  it('past the front-end limit the client gets 502 (Azure Load Balancer, 230 s) while the function runs on until functionTimeout', async () => {
    const host = await startFixture('faults', {
      frontEndTimeoutMs: 100,
      env: { AzureFunctionsJobHost__functionTimeout: '00:00:01' },
    });
    try {
      const response = await host.get('/api/hang');
      expect(response.status).toBe(502);
      expect(host.logs.some((entry) => entry.message.includes('Initiating cancellation'))).toBe(
        false,
      );
      await waitForLog(host.logs, 'Initiating cancellation');
      expect(host.logs.map((entry) => entry.message).join('\n')).toMatch(
        /has not responded within 0\.1 s: Azure's front end answers 502 now[\s\S]*Timeout value of 00:00:01 exceeded/,
      );
    } finally {
      await host.close();
    }
  });

  it('a function that finishes in time is unaffected', async () => {
    const host = await startFixture('faults', {
      env: { AzureFunctionsJobHost__functionTimeout: '00:00:05' },
    });
    try {
      const response = await host.get('/api/slow?ms=10');
      expect(await response.text()).toBe('slow done after 10 ms');
    } finally {
      await host.close();
    }
  });

  it.each([
    [
      '00:00:00.500',
      /FunctionTimeout must be greater than 00:00:01 and less than 10675199\.02:48:05\.4775807/,
    ],
    ['five minutes', /functionTimeout must be a TimeSpan such as "00:05:00"/],
  ])(
    'functionTimeout %j is refused at start-up with the host’s message',
    async (value, message) => {
      const error = await startFixture('faults', {
        env: { AzureFunctionsJobHost__functionTimeout: value },
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toMatch(message);
    },
  );
});
