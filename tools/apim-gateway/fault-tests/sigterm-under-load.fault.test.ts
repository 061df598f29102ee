import { describe, expect, it } from 'vitest';

import { startRecordingBackend } from '../src/testing.js';
import { KEY, startChildGateway } from './child-gateway.js';
import { send } from './load.js';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGTERM under load', () => {
  it('100 in-flight requests all get the backend’s answer, new connections are refused, then the gateway exits 0', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived = 0;
    const backend = await startRecordingBackend(async (_request, res) => {
      arrived++;
      await released;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('finished');
    });
    const gateway = await startChildGateway({ backendUrl: `${backend.url}/api` });
    try {
      const inFlight = Array.from({ length: 100 }, () =>
        send(gateway.port, '/api/health', { headers: { 'Ocp-Apim-Subscription-Key': KEY } }),
      );
      while (arrived < 100) await pause(10);
      gateway.child.kill('SIGTERM');
      // the listener closes first: a new connection is refused while the 100 are still running
      let late = await send(gateway.port, '/api/health');
      while (late.body !== 'ECONNREFUSED') {
        await pause(10);
        late = await send(gateway.port, '/api/health');
      }
      release();
      const replies = await Promise.all(inFlight);
      expect(replies.filter((r) => r.status === 200 && r.body === 'finished')).toHaveLength(100);
      expect(await gateway.exit()).toBe(0);
      expect(gateway.output()).not.toMatch(/unexpected error|ECONNRESET/);
    } finally {
      await gateway.stop();
      await backend.close();
    }
  });
});
