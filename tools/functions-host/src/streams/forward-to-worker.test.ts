import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createStreamsTarget, ForwarderError, forwardToWorker } from './forward-to-worker.js';

const MIB = 1024 * 1024;

/** Resolves when `check` holds, polling; rejects after `limitMs` (a hang guard, not a timing test). */
async function until(check: () => boolean, limitMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const base = {
  method: 'GET',
  host: 'example.test',
  scheme: 'http',
  clientAddress: '203.0.113.7',
  body: undefined,
};

describe("forwardToWorker (the host's DefaultHttpProxyService: YARP to the worker's HttpUri)", () => {
  let server: Server;
  let port: number;
  let seen: IncomingMessage | undefined;
  // A worker that honours backpressure, so what it managed to write is what the host let through.
  let written = 0;
  let workerClosed = false;
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen = req;
      if (req.url?.startsWith('/big')) {
        written = 0;
        workerClosed = false;
        res.once('close', () => (workerClosed = !res.writableFinished));
        const chunk = Buffer.alloc(64 * 1024, 1);
        const total = 128 * MIB;
        const pump = (): void => {
          while (written < total && !res.destroyed) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          if (!res.destroyed) res.end();
        };
        res.writeHead(200, { connection: 'keep-alive', 'keep-alive': 'timeout=5', 'x-a': '1' });
        pump();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('tags the request with x-ms-invocation-id and x-forwarded-host/proto/for, without hop-by-hop headers', async () => {
    const forwarding = forwardToWorker(createStreamsTarget(`http://localhost:${port}/`), {
      ...base,
      target: '/api/x?a=1&a=2',
      headers: [
        ['Host', 'example.test'],
        ['Connection', 'keep-alive, x-drop'],
        ['X-Drop', 'gone'],
        ['X-Keep', 'kept'],
        ['x-ms-invocation-id', 'spoofed'],
      ],
      invocationId: 'inv-1',
    });
    const response = await forwarding.response;
    expect(response.status).toBe(200);
    response.stream?.resume();
    await forwarding.done;
    expect(seen?.url).toBe('/api/x?a=1&a=2');
    expect(seen?.headers).toMatchObject({
      'x-ms-invocation-id': 'inv-1',
      'x-forwarded-host': 'example.test',
      'x-forwarded-proto': 'http',
      'x-forwarded-for': '203.0.113.7',
      'x-keep': 'kept',
    });
    expect(seen?.headers['x-drop']).toBeUndefined();
  });

  it('backpressure: a client that stops reading stalls the worker with a bounded amount in flight; reading resumes it', async () => {
    const forwarding = forwardToWorker(createStreamsTarget(`http://127.0.0.1:${port}/`), {
      ...base,
      target: '/big',
      headers: [['host', 'example.test']],
      invocationId: 'inv-2',
    });
    const response = await forwarding.response;
    // Hop-by-hop response headers are not passed on (YARP), the others are.
    const names = response.headers.map(([name]) => name.toLowerCase());
    expect(names).toContain('x-a');
    expect(names).not.toContain('connection');
    expect(names).not.toContain('keep-alive');
    let previous = -1;
    while (written !== previous) {
      previous = written;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Loopback socket buffers and stream high-water marks; a buffering host would take 128 MiB.
    expect(written).toBeLessThan(32 * MIB);
    let received = 0;
    for await (const chunk of response.stream as AsyncIterable<Buffer>) received += chunk.length;
    await forwarding.done;
    expect(received).toBe(128 * MIB);
  });

  it('a client that goes away mid-body cuts the forward (the worker sees its connection close) and fails with a ForwarderError', async () => {
    const forwarding = forwardToWorker(createStreamsTarget(`http://127.0.0.1:${port}/`), {
      ...base,
      target: '/big',
      headers: [['host', 'example.test']],
      invocationId: 'inv-3',
    });
    const response = await forwarding.response;
    response.stream?.destroy();
    await expect(forwarding.done).rejects.toBeInstanceOf(ForwarderError);
    await until(() => workerClosed);
  });

  it('an unreachable worker proxy is 502, as YARP answers a failed forward', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const forwarding = forwardToWorker(createStreamsTarget(`http://127.0.0.1:${deadPort}/`), {
      ...base,
      target: '/api/x',
      headers: [['host', 'example.test']],
      invocationId: 'inv-4',
    });
    expect((await forwarding.response).status).toBe(502);
    await expect(forwarding.done).rejects.toThrow(/ForwarderError: Request\./);
  });
});
