import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { createFakeInvocationContext } from '../testing/fake-invocation-context.js';
import { clientDisconnectSignal, watchForwardedRequests } from './client-disconnect-signal.js';

// Stands in for the library's stream-mode proxy: a node:http server in the worker process that the
// host sends each request to, tagged with x-ms-invocation-id.
let server: http.Server | undefined;

afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

async function startWorkerProxy(
  onRequest: (invocationId: string, response: http.ServerResponse) => void,
): Promise<number> {
  watchForwardedRequests();
  server = http.createServer((request, response) => {
    onRequest(String(request.headers['x-ms-invocation-id']), response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

describe('clientDisconnectSignal', () => {
  it('aborts when the forwarded connection closes before the response is complete', async () => {
    const signals: AbortSignal[] = [];
    const port = await startWorkerProxy((invocationId, response) => {
      const signal = clientDisconnectSignal(createFakeInvocationContext({ invocationId }));
      if (signal) signals.push(signal);
      response.write('data: 1\n\n');
    });
    const request = http.get(`http://127.0.0.1:${port}/`, {
      headers: { 'x-ms-invocation-id': 'inv-gone' },
    });
    request.on('error', () => undefined);
    const [response] = (await once(request, 'response')) as [http.IncomingMessage];
    await once(response, 'data');
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(false);
    request.destroy();
    await once(signals[0] as AbortSignal, 'abort');
    expect(signals[0]?.aborted).toBe(true);
  });

  it('does not abort when the response completes', async () => {
    const signals: AbortSignal[] = [];
    const port = await startWorkerProxy((invocationId, response) => {
      const signal = clientDisconnectSignal(createFakeInvocationContext({ invocationId }));
      if (signal) signals.push(signal);
      response.end('done');
    });
    const body = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { 'x-ms-invocation-id': 'inv-done' },
    }).then((r) => r.text());
    expect(body).toBe('done');
    server?.closeAllConnections();
    await new Promise((resolve) => setImmediate(resolve));
    expect(signals[0]?.aborted).toBe(false);
  });

  it('is undefined for an invocation the host did not forward (buffered mode)', () => {
    expect(clientDisconnectSignal(createFakeInvocationContext({ invocationId: 'x' }))).toBe(
      undefined,
    );
  });
});
