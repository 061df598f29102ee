import { describe, expect, it } from 'vitest';

import { get, startChildHost } from './child-host.js';

describe('SIGTERM under load', () => {
  it('100 in-flight requests all complete, new connections are refused, then appTerminate runs and the host exits 0', async () => {
    const host = await startChildHost();
    try {
      const inFlight = Array.from({ length: 100 }, () => get(host.port, '/api/slow?ms=1000'));
      while ((host.output().match(/Executing 'Functions\.slow'/g) ?? []).length < 100) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      host.child.kill('SIGTERM');
      while (!host.output().includes('Received SIGTERM')) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const late = await get(host.port, '/api/slow?ms=1');
      const replies = await Promise.all(inFlight);
      expect(late).toEqual({ status: 0, body: 'ECONNREFUSED' });
      expect(replies.filter((reply) => reply.status === 200)).toHaveLength(100);
      expect(await host.exit()).toBe(0);
      const output = host.output();
      expect(output).toContain('waiting up to 30 s for 100 in-flight request(s)');
      expect(output.lastIndexOf("Executed 'Functions.slow'")).toBeLessThan(
        output.indexOf('appTerminate hook ran'),
      );
    } finally {
      await host.stop();
    }
  });
});
