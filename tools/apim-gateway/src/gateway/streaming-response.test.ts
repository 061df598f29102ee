import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import {
  FIXTURES,
  policy,
  testKeyDirectory,
  useTestGateways,
} from '../../test-fixtures/test-gateway.js';
import { startGateway } from './start-gateway.js';

const gatewayWith = useTestGateways();

interface Backend {
  url: string;
  close(): Promise<void>;
}

const backends: Backend[] = [];
afterEach(async () => {
  await Promise.all(backends.splice(0).map((backend) => backend.close()));
});

/** A loopback backend whose handler the test writes (it may hold the response open). */
async function backend(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<Backend> {
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const started: Backend = {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  backends.push(started);
  return started;
}

/** A promise the test resolves by hand: the backend waits on it between two events. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * An SSE backend that writes one event, then waits for the test to acknowledge it before the next.
 * A gateway that buffered the response would never deliver event 1, so these tests would hang
 * (and time out) instead of passing: no timing assertion is involved.
 */
function eventBackend(events: string[], acks: Array<{ opened: Promise<void> }>) {
  return backend(async (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    for (const [i, event] of events.entries()) {
      res.write(`data: ${event}\n\n`);
      if (i < events.length - 1) await acks[i]?.opened;
    }
    res.end();
  });
}

/** Reads server-sent events from a fetch body, one at a time. */
function eventReader(response: Response): { next(): Promise<string>; rest(): Promise<string> } {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  return {
    async next() {
      for (;;) {
        const end = buffered.indexOf('\n\n');
        if (end >= 0) {
          const event = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          return event;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before an event (had "${buffered}")`);
        buffered += decoder.decode(value, { stream: true });
      }
    },
    async rest() {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return buffered;
        buffered += decoder.decode(value, { stream: true });
      }
    },
  };
}

const STREAMING = '<forward-request buffer-response="false" />';

function streamingGateway(serviceUrl: string, parts: Parameters<typeof policy>[0] = {}) {
  return gatewayWith({
    api: { serviceUrl: `${serviceUrl}/api` },
    operationPolicies: { getCatalogItem: policy({ backend: STREAMING, ...parts }) },
  });
}

describe('forward-request buffer-response="false" (APIM: each chunk from the backend goes to the caller at once)', () => {
  it('server-sent events arrive one by one, each before the backend writes the next', async () => {
    const acks = [gate(), gate()];
    const sse = await eventBackend(['one', 'two', 'three'], acks);
    const gw = await streamingGateway(sse.url);
    const response = await gw.call('/api/catalog/1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    // streamed, so no length is known up front
    expect(response.headers.get('content-length')).toBeNull();
    const events = eventReader(response);
    expect(await events.next()).toBe('data: one');
    acks[0]?.open();
    expect(await events.next()).toBe('data: two');
    acks[1]?.open();
    expect(await events.next()).toBe('data: three');
    expect(await events.rest()).toBe('');
    expect(gw.accessLog.at(-1)).toMatchObject({ status: 200, endedBy: 'backend' });
  });

  it('headers set by outbound policies still apply; the body keeps streaming', async () => {
    const acks = [gate()];
    const sse = await eventBackend(['a', 'b'], acks);
    const gw = await streamingGateway(sse.url, {
      outbound:
        '<base /><set-header name="x-outbound" exists-action="override"><value>@(context.Response.StatusCode.ToString())</value></set-header>',
    });
    const response = await gw.call('/api/catalog/1');
    expect(response.headers.get('x-outbound')).toBe('200');
    const events = eventReader(response);
    expect(await events.next()).toBe('data: a');
    acks[0]?.open();
    expect(await events.next()).toBe('data: b');
  });

  it('a client that disconnects aborts the backend request (its connection closes)', async () => {
    let backendClosed!: () => void;
    const closed = new Promise<void>((resolve) => (backendClosed = resolve));
    const held = await backend((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write('data: first\n\n');
      // never ends: only the client leaving can finish this request
      res.once('close', () => backendClosed());
    });
    const gw = await streamingGateway(held.url);
    const controller = new AbortController();
    const response = await gw.call('/api/catalog/1', { signal: controller.signal });
    expect(await eventReader(response).next()).toBe('data: first');
    controller.abort();
    await closed;
    // the gateway keeps serving (answered by the gateway itself: the backend holds every request)
    expect((await gw.call('/api/nothing')).status).toBe(404);
    // a client leaving a stream is not a failure worth a warning
    expect(gw.logs.filter((log) => log.level === 'warn')).toEqual([]);
  });

  it('close() lets an open stream run for the drain timeout, then ends it and the backend request', async () => {
    let backendClosed!: () => void;
    const closed = new Promise<void>((resolve) => (backendClosed = resolve));
    const endless = await backend((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write('data: open\n\n');
      res.once('close', () => backendClosed());
    });
    const gw = await gatewayWith({
      api: { serviceUrl: `${endless.url}/api` },
      operationPolicies: { getCatalogItem: policy({ backend: STREAMING }) },
      server: { drainTimeoutMs: 100 },
    });
    const events = eventReader(await gw.call('/api/catalog/1'));
    expect(await events.next()).toBe('data: open');
    await gw.gateway.close();
    await expect(events.rest()).rejects.toThrow();
    await closed;
  });

  it('the Learn SSE example (timeout="120" fail-on-error-status-code="true" buffer-response="false"): events stream, a backend error goes to on-error', async () => {
    const acks = [gate()];
    const sse = await backend(async (req, res) => {
      if (req.url?.endsWith('/busy')) {
        res.writeHead(503, { 'Content-Type': 'text/plain' });
        res.end('busy');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write('data: 1\n\n');
      await acks[0]?.opened;
      res.end('data: 2\n\n');
    });
    const gw = await streamingGateway(sse.url, {
      backend:
        '<forward-request timeout="120" fail-on-error-status-code="true" buffer-response="false" />',
      onError:
        '<base /><set-header name="x-error" exists-action="override"><value>@(context.LastError.Reason)</value></set-header>',
    });
    const events = eventReader(await gw.call('/api/catalog/1'));
    expect(await events.next()).toBe('data: 1');
    acks[0]?.open();
    expect(await events.next()).toBe('data: 2');
    const failed = await gw.call('/api/catalog/busy');
    expect(failed.status).toBe(503);
    expect(failed.headers.get('x-error')).toBe('BackendErrorStatusCode');
    expect(await failed.text()).toBe('busy');
  });

  it('the forward-request timeout covers the response headers only: a stream may outlive it', async () => {
    const acks = [gate()];
    const sse = await eventBackend(['early', 'late'], acks);
    const gw = await streamingGateway(sse.url, {
      backend: '<forward-request timeout-ms="100" buffer-response="false" />',
    });
    const response = await gw.call('/api/catalog/1');
    const events = eventReader(response);
    expect(await events.next()).toBe('data: early');
    // idle well past the timeout between two events
    await new Promise((resolve) => setTimeout(resolve, 400));
    acks[0]?.open();
    expect(await events.next()).toBe('data: late');
  });

  it('headers that do not arrive within the timeout still raise Timeout → 500 with activityId', async () => {
    const silent = await backend(() => undefined);
    const gw = await streamingGateway(silent.url, {
      backend: '<forward-request timeout-ms="50" buffer-response="false" />',
      onError:
        '<base /><set-header name="x-error" exists-action="override"><value>@(context.LastError.Reason)</value></set-header>',
    });
    const response = await gw.call('/api/catalog/1');
    expect(response.status).toBe(500);
    expect(response.headers.get('x-error')).toBe('Timeout');
    expect(await response.json()).toMatchObject({
      statusCode: 500,
      message: 'Internal server error',
    });
  });

  it('outbound set-body replaces a streaming body without reading it; the backend connection is dropped', async () => {
    let backendClosed!: () => void;
    const closed = new Promise<void>((resolve) => (backendClosed = resolve));
    const endless = await backend((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write('data: never seen\n\n');
      res.once('close', () => backendClosed());
    });
    const gw = await streamingGateway(endless.url, {
      outbound: '<base /><set-body>replaced</set-body>',
    });
    const response = await gw.call('/api/catalog/1');
    expect(await response.text()).toBe('replaced');
    expect(response.headers.get('content-length')).toBe('8');
    await closed;
  });

  it('return-response in outbound drops the streaming backend body too', async () => {
    let backendClosed!: () => void;
    const closed = new Promise<void>((resolve) => (backendClosed = resolve));
    const endless = await backend((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write('data: x\n\n');
      res.once('close', () => backendClosed());
    });
    const gw = await streamingGateway(endless.url, {
      outbound: '<return-response><set-status code="503" reason="Unavailable" /></return-response>',
    });
    const response = await gw.call('/api/catalog/1');
    expect(response.status).toBe(503);
    await closed;
  });

  it('cache-store needs the whole body, so it buffers an unbuffered response (APIM: policies that read the body buffer it)', async () => {
    const acks = [gate()];
    const sse = await eventBackend(['x', 'y'], acks);
    const gw = await streamingGateway(sse.url, {
      inbound:
        '<base /><cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />',
      outbound: '<base /><cache-store duration="60" />',
    });
    const pending = gw.call('/api/catalog/1');
    acks[0]?.open();
    const response = await pending;
    expect(response.headers.get('content-length')).toBe(String('data: x\n\ndata: y\n\n'.length));
    expect(await response.text()).toBe('data: x\n\ndata: y\n\n');
    const hit = await gw.call('/api/catalog/1');
    expect(await hit.text()).toBe('data: x\n\ndata: y\n\n');
    expect(gw.accessLog.at(-1)).toMatchObject({ endedBy: 'cache-lookup (HIT)' });
    // said once at load, naming both policies
    expect(gw.logs.filter((log) => log.level === 'warn')).toEqual([
      {
        level: 'warn',
        message: expect.stringMatching(
          /^cache-store reads the whole response body, so the response of forward-request buffer-response="false" is buffered, not streamed/,
        ),
        fields: {
          forwardRequest: expect.stringMatching(
            /getCatalogItem\.xml \(backend\/forward-request, line \d+\)$/,
          ),
          'cache-store': expect.stringMatching(
            /getCatalogItem\.xml \(outbound\/cache-store, line \d+\)$/,
          ),
        },
      },
    ]);
  });

  it('a stream larger than the cache’s byte budget is not buffered for cache-store: it streams on, uncached', async () => {
    const acks = [gate(), gate()];
    let calls = 0;
    const long = 'x'.repeat(100);
    const sse = await backend(async (_req, res) => {
      calls++;
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write(`data: ${long}\n\n`);
      await acks[calls - 1]?.opened;
      res.end('data: end\n\n');
    });
    const dir = await mkdtemp(join(tmpdir(), 'apim-gateway-stream-cache-'));
    await writeFile(
      join(dir, 'op.xml'),
      policy({
        inbound:
          '<base /><cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />',
        backend: STREAMING,
        outbound: '<base /><cache-store duration="60" />',
      }),
    );
    const gateway = await startGateway({
      config: {
        api: {
          path: 'api',
          openapi: join(FIXTURES, 'catalog-openapi.json'),
          serviceUrl: `${sse.url}/api`,
          subscriptionRequired: false,
          policies: { operations: { getCatalogItem: 'op.xml' } },
        },
        limits: { cacheMaxBytes: 64 },
      },
      baseDir: dir,
      env: {},
      devKeyDirectory: await testKeyDirectory(),
    });
    try {
      for (const ack of acks) {
        const response = await fetch(`${gateway.url}/api/catalog/1`);
        const events = eventReader(response);
        expect(await events.next()).toBe(`data: ${long}`);
        ack.open();
        expect(await events.next()).toBe('data: end');
      }
      // streamed both times, never stored
      expect(calls).toBe(2);
    } finally {
      await gateway.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a backend that fails mid-stream cuts the client response short; the gateway keeps serving', async () => {
    const acks = [gate()];
    const broken = await backend(async (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write('data: before\n\n');
      await acks[0]?.opened;
      res.destroy();
    });
    const gw = await streamingGateway(broken.url);
    const response = await gw.call('/api/catalog/1');
    const events = eventReader(response);
    expect(await events.next()).toBe('data: before');
    acks[0]?.open();
    await expect(events.rest()).rejects.toThrow();
    expect((await gw.call('/api/nothing')).status).toBe(404);
    expect(gw.logs).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'backend response body failed while streaming; response cut short',
      }),
    );
  });
});

describe('forward-request buffer-response="true" (APIM’s default) keeps buffering', () => {
  it('a client that disconnects while the backend works aborts the backend call too (APIM: ClientConnectionFailure)', async () => {
    let backendClosed!: () => void;
    const closed = new Promise<void>((resolve) => (backendClosed = resolve));
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    const slow = await backend((_req, res) => {
      res.once('close', () => backendClosed());
      arrived();
    });
    const gw = await gatewayWith({ api: { serviceUrl: `${slow.url}/api` } });
    const controller = new AbortController();
    const pending = gw.call('/api/catalog/1', { signal: controller.signal });
    await requestArrived;
    controller.abort();
    await expect(pending).rejects.toThrow();
    await closed;
    while (gw.accessLog.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(gw.accessLog[0]).toMatchObject({ status: 499, endedBy: 'forward-request' });
  });

  it('the whole body is read before the response starts: it goes out with its Content-Length', async () => {
    const acks = [gate()];
    let wroteFirst!: () => void;
    const firstWritten = new Promise<void>((resolve) => (wroteFirst = resolve));
    let ended = false;
    const sse = await backend(async (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write('data: one\n\n');
      wroteFirst();
      await acks[0]?.opened;
      ended = true;
      res.end('data: two\n\n');
    });
    const gw = await gatewayWith({ api: { serviceUrl: `${sse.url}/api` } });
    const pending = gw.call('/api/catalog/1');
    await firstWritten;
    acks[0]?.open();
    const response = await pending;
    // the head only left once the backend had ended
    expect(ended).toBe(true);
    expect(response.headers.get('content-length')).toBe(
      String('data: one\n\ndata: two\n\n'.length),
    );
    expect(await response.text()).toBe('data: one\n\ndata: two\n\n');
  });
});

describe('forward-request streaming attributes are checked at load', () => {
  it.each([
    ['buffer-response="maybe"', /attribute "buffer-response" must be true or false, got "maybe"/],
    [
      'buffer-response="@(true)"',
      /attribute "buffer-response" of <forward-request> does not accept policy expressions/,
    ],
    ['buffer-request-body="yes"', /attribute "buffer-request-body" must be true or false/],
  ])('%s is a load error naming the attribute', async (attribute, message) => {
    await expect(
      gatewayWith({ apiPolicy: policy({ backend: `<forward-request ${attribute} />` }) }),
    ).rejects.toThrow(message);
  });
});
