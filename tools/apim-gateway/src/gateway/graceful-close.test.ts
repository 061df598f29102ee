import { describe, expect, it } from 'vitest';

import { startTestGateway } from '../../test-fixtures/test-gateway.js';

describe('close(): graceful shutdown', () => {
  it('lets in-flight requests finish with their real response, then refuses new connections', async () => {
    const gw = await startTestGateway();
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrivals = 0;
    let allArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (allArrived = resolve));
    gw.backend.respondWith(async (_request, res) => {
      if (++arrivals === 5) allArrived();
      await released;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('done');
    });
    const calls = Array.from({ length: 5 }, () =>
      gw.call('/api/health').then(async (r) => [r.status, await r.text()]),
    );
    await arrived;
    const closing = gw.gateway.close();
    // closing has stopped the listener: a new connection is refused while the 5 are still running
    await expect(fetch(`${gw.gateway.url}/api/health`)).rejects.toThrow();
    release();
    expect(await Promise.all(calls)).toEqual(Array(5).fill([200, 'done']));
    await closing;
    await gw.backend.close();
  });

  it('gives up on requests still running after drainTimeoutMs', async () => {
    const gw = await startTestGateway({ server: { drainTimeoutMs: 50 } });
    let arrivedResolve: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (arrivedResolve = resolve));
    gw.backend.respondWith(() => arrivedResolve());
    const hung = gw.call('/api/health').then(
      () => 'answered',
      () => 'cut',
    );
    await arrived;
    await gw.gateway.close();
    expect(await hung).toBe('cut');
    await gw.backend.close();
  });
});
