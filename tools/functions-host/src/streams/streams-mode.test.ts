import { connect, type Socket } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type HostServer, startHostServer } from '../server/start-host-server.js';
import { type FixtureHost, startFixture } from '../testing/fixture-host.js';

type StreamEvent = { fn: string; read?: number; outcome?: string; produced?: number };
const events = (): StreamEvent[] =>
  (globalThis as { __streamEvents?: StreamEvent[] }).__streamEvents ?? [];
const lastEvent = (fn: string): StreamEvent | undefined => events().findLast((e) => e.fn === fn);

/** Resolves when `check` holds, polling; rejects after `limitMs` (a hang guard, not a timing test). */
async function until(check: () => boolean, limitMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function chunkedBody(...parts: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
}

// The five cookies of Microsoft's httpCookies function, as their v4 (streams) suite expects them.
const STREAMS_COOKIES =
  'mycookie=myvalue; max-age=200000, mycookie2=myvalue; max-age=200000; path=/, mycookie3-expires=myvalue3-expires; max-age=0, mycookie4-samesite-lax=myvalue; samesite=lax, mycookie5-samesite-strict=myvalue; samesite=strict';

describe('HTTP streams mode: Microsoft Node e2e suite facts (app/v4 runs with enableHttpStream)', () => {
  let host: FixtureHost;
  let server: HostServer;
  beforeAll(async () => {
    host = await startFixture('streams');
    server = await startHostServer(host, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await host.close();
  });

  const viaFetch = (path: string, init?: RequestInit): Promise<Response> => host.get(path, init);
  const viaSocket = (path: string, init?: RequestInit): Promise<Response> =>
    fetch(`${server.url}${path}`, init);

  it('the app starts in streams mode instead of being refused', () => {
    expect(host.streams).toBe(true);
  });

  for (const [label, send] of [
    ['host.fetch', viaFetch],
    ['a socket', viaSocket],
  ] as const) {
    describe(`through ${label}`, () => {
      it('hello world: GET, name in query, name in body', async () => {
        expect(await (await send('/api/helloWorld')).text()).toBe('Hello, world!');
        expect(await (await send('/api/helloWorld?name=testName')).text()).toBe('Hello, testName!');
        const posted = await send('/api/helloWorld', { method: 'POST', body: 'testName' });
        expect([posted.status, await posted.text()]).toEqual([200, 'Hello, testName!']);
      });

      it('a chunked request body without Content-Length reaches the function ("hello world stream")', async () => {
        const response = await send('/api/helloWorld', {
          method: 'POST',
          body: chunkedBody('testName', '-chunked'),
          duplex: 'half',
        } as RequestInit);
        expect([response.status, await response.text()]).toEqual([200, 'Hello, testName-chunked!']);
      });

      it('repeated query keys are not joined: the library reads the forwarded URL', async () => {
        const response = await send('/api/httpTriggerQuery?name=testName&dupe=1&dupe=2');
        expect(await response.json()).toEqual({
          query: { name: 'testName', dupe: '2' },
          dupe: '1',
          dupeAll: ['1', '2'],
        });
      });

      it('cookies get no default path=/ (the library serialises Set-Cookie itself)', async () => {
        const response = await send('/api/httpCookies');
        expect([response.status, await response.text()]).toEqual([200, '']);
        expect(response.headers.get('set-cookie')?.toLowerCase()).toBe(STREAMS_COOKIES);
      });

      it('route parameters and lowercased request headers come from trigger metadata', async () => {
        const params = await send('/api/httpTriggerRouteParams/testName/5');
        expect(await params.json()).toEqual({ name: 'testName', id: '5' });
        const headers = (await (
          await send('/api/httpTriggerHeaders', { headers: { TESTHEADER: 'TestValue' } })
        ).json()) as Record<string, string>;
        expect(headers['testheader']).toBe('TestValue');
        // What the host adds for its forward never reaches the function's headers.
        expect(headers['x-ms-invocation-id']).toBeUndefined();
        expect(headers['x-forwarded-host']).toBeUndefined();
        expect(headers['x-forwarded-for']).toMatch(/^127\.0\.0\.1:\d+$/);
      });

      it('an unknown route is 404 with an empty body and invokes nothing', async () => {
        const response = await send('/api/doesntExist');
        expect([response.status, await response.text()]).toEqual([404, '']);
      });

      it('32 MB streams up and 32 MB streams down whole ("send stream" / "receive stream")', async () => {
        const size = 32 * 1024 * 1024;
        let remaining = size;
        const upload = new ReadableStream<Uint8Array>({
          pull(controller) {
            const chunk = new Uint8Array(Math.min(1024 * 1024, remaining));
            remaining -= chunk.length;
            controller.enqueue(chunk);
            if (remaining === 0) controller.close();
          },
        });
        const received = await send('/api/httpTriggerReceiveStream', {
          method: 'POST',
          body: upload,
          duplex: 'half',
        } as RequestInit);
        expect(await received.text()).toBe(`Bytes received: ${size}`);
        const download = await send(`/api/httpTriggerSendStream?bytes=${size}`);
        let bytes = 0;
        for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.length;
        }
        expect([download.status, bytes]).toEqual([200, size]);
      });
    });
  }

  it('the response streams: its first bytes arrive while the function is still producing', async () => {
    const response = await viaSocket('/api/stallResponse');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('first chunk');
    await reader.cancel();
  });
});

describe('HTTP streams mode: what still applies as in default mode', () => {
  it('keys: 401 without a key, 200 with one (routing and keys come before the forward)', async () => {
    const host = await startFixture('streams', { auth: true, keys: { master: 'm' } });
    try {
      expect((await host.get('/api/keyed')).status).toBe(401);
      const ok = await host.get('/api/keyed', { headers: { 'x-functions-key': 'm' } });
      expect([ok.status, await ok.text()]).toEqual([200, 'keyed ok']);
    } finally {
      await host.close();
    }
  });

  it("FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: a declared length over it is 413 before any invocation; a chunked body past it fails the function's read and answers 413", async () => {
    const host = await startFixture('streams', {
      env: { FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: '1000' },
    });
    const server = await startHostServer(host, { port: 0 });
    try {
      expect(host.limits.maxRequestBodySize).toBe(1000);
      const declared = await fetch(`${server.url}/api/readUntilAbort`, {
        method: 'POST',
        body: 'x'.repeat(1001),
      });
      expect(declared.status).toBe(413);
      expect(host.logs.some((entry) => entry.message.startsWith('Executing'))).toBe(false);
      // The function reads the first 600 bytes before the next 600 take the body past the limit.
      const socket = connect(server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      let answer = '';
      socket.on('data', (data) => (answer += data.toString()));
      socket.write(
        'POST /api/readUntilAbort HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n',
      );
      socket.write(`258\r\n${'x'.repeat(600)}\r\n`);
      await until(() => (lastEvent('readUntilAbort')?.read ?? 0) >= 600);
      socket.write(`258\r\n${'x'.repeat(600)}\r\n`);
      await until(() => answer.includes('\r\n\r\n'));
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      socket.destroy();
      await until(() => lastEvent('readUntilAbort')?.outcome !== 'reading');
      expect(lastEvent('readUntilAbort')?.outcome).toMatch(/^failed/);
    } finally {
      await server.close();
      await host.close();
    }
  });

  it('functionTimeout: the worker restarts, so the forward is cut and the client gets 502', async () => {
    const host = await startFixture('streams', {
      env: { AzureFunctionsJobHost__functionTimeout: '00:00:01' },
    });
    try {
      const response = await host.get('/api/hang');
      expect(response.status).toBe(502);
      expect(host.logs.some((e) => e.message.includes('Timeout value of 00:00:01'))).toBe(true);
    } finally {
      await host.close();
    }
  });
});

describe('HTTP streams mode: differences pinned (Azure behaviour that differs from default mode)', () => {
  let host: FixtureHost;
  beforeAll(async () => {
    host = await startFixture('streams', { frontEndTimeoutMs: 300 });
  });
  afterAll(() => host.close());

  it('a function that throws sends no response (azure-functions-nodejs-library#324): the front end answers 502', async () => {
    const response = await host.get('/api/throws');
    expect([response.status, await response.text()]).toEqual([502, '']);
    const messages = host.logs.map((entry) => entry.message);
    expect(messages.some((m) => m.includes('Kaboom'))).toBe(true);
    expect(messages.some((m) => m.includes('azure-functions-nodejs-library#324'))).toBe(true);
  });

  it('a function that returns nothing sends no response either: 502 from the front end', async () => {
    const response = await host.get('/api/noResponse');
    expect(response.status).toBe(502);
  });

  it("the front end's idle limit closes a started response that stops sending", async () => {
    const response = await host.get('/api/stallResponse');
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });
});

describe('HTTP streams mode: client disconnects and backpressure', () => {
  let host: FixtureHost;
  let server: HostServer;
  beforeAll(async () => {
    host = await startFixture('streams');
    server = await startHostServer(host, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await host.close();
  });

  const openUpload = (path: string): Promise<Socket> =>
    new Promise((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n`,
        );
        resolve(socket);
      });
      socket.on('error', () => undefined);
    });
  const chunk = (bytes: Buffer): Buffer =>
    Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);

  it("a client that disconnects mid-upload aborts the function's request body and the invocation fails with a ForwarderError", async () => {
    const socket = await openUpload('/api/readUntilAbort');
    socket.write(chunk(Buffer.alloc(4096, 1)));
    await until(() => (lastEvent('readUntilAbort')?.read ?? 0) >= 4096);
    socket.destroy();
    await until(() => lastEvent('readUntilAbort')?.outcome !== 'reading');
    expect(lastEvent('readUntilAbort')?.outcome).toMatch(/^failed: /);
    await until(() => host.logs.some((e) => e.message.includes('ForwarderError')));
    expect(
      host.logs.some((e) => /Executed 'Functions\.readUntilAbort' \(Failed/.test(e.message)),
    ).toBe(true);
  });

  it("a client that disconnects mid-response closes the worker's proxied connection, which the function can watch", async () => {
    const socket = connect(server.port, '127.0.0.1');
    socket.on('error', () => undefined);
    let received = '';
    socket.on('data', (data) => (received += data.toString()));
    socket.write('GET /api/ticker HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await until(() => received.includes('tick'));
    expect(lastEvent('ticker')?.outcome).toBe('streaming');
    socket.destroy();
    await until(() => lastEvent('ticker')?.outcome !== 'streaming');
    expect(lastEvent('ticker')?.outcome).toBe('client gone');
  });

  it('backpressure: while the function stops reading, the upload stalls with a bounded amount in flight', async () => {
    const socket = await openUpload('/api/stallRead');
    const piece = chunk(Buffer.alloc(256 * 1024, 7));
    let accepted = 0;
    let stop = false;
    // Write as fast as the connection accepts; count what the host has let in.
    const writer = (async () => {
      while (!stop && accepted < 256 * 1024 * 1024) {
        accepted += 256 * 1024;
        if (!socket.write(piece)) await new Promise((resolve) => socket.once('drain', resolve));
      }
    })();
    await until(() => (lastEvent('stallRead')?.read ?? 0) > 0);
    // Wait until the upload makes no progress for a while (the bound is on bytes, not time).
    let previous = -1;
    while (accepted !== previous) {
      previous = accepted;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    // Kernel socket buffers (both directions of two loopback hops) plus the streams' own
    // high-water marks; a host that buffered would take all 256 MiB.
    expect(accepted).toBeLessThan(32 * 1024 * 1024);
    stop = true;
    (globalThis as { __releaseStall?: () => void }).__releaseStall?.();
    await writer;
    socket.write('0\r\n\r\n');
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (data) => {
        text += data.toString();
        if (text.includes('read ')) resolve(text);
      });
    });
    expect(answer).toContain(`read ${accepted}`);
    socket.destroy();
  });
});

describe('HTTP streams mode: several hosts in one process (tests) do not cross wires', () => {
  it('each host gets a fresh library copy: a second streams app may call app.setup, a default-mode app after it stays in default mode, and each host answers only for its own app', async () => {
    const first = await startFixture('streams');
    const second = await startFixture('streams');
    const plain = await startFixture('hello');
    try {
      expect([first.streams, second.streams, plain.streams]).toEqual([true, true, false]);
      const [a, b, c] = await Promise.all([
        first.get('/api/helloWorld?name=first'),
        second.get('/api/helloWorld?name=second'),
        plain.get('/api/hello?name=plain'),
      ]);
      expect(await a.text()).toBe('Hello, first!');
      expect(await b.text()).toBe('Hello, second!');
      expect(await c.text()).toBe('Hello, plain!');
      const invoked = (host: FixtureHost): number =>
        host.logs.filter((entry) => entry.message.startsWith('Executing')).length;
      expect([invoked(first), invoked(second), invoked(plain)]).toEqual([1, 1, 1]);
    } finally {
      await Promise.all([first.close(), second.close(), plain.close()]);
    }
  });

  it("close() closes the library's proxy server (nothing keeps listening after the host)", async () => {
    const host = await startFixture('streams');
    const announced = host.logs.find((entry) => /Port: \d+/.test(entry.message));
    const port = Number(/Port: (\d+)/.exec(announced?.message ?? '')?.[1]);
    expect(port).toBeGreaterThan(0);
    const reachable = (): Promise<boolean> =>
      new Promise((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
    expect(await reachable()).toBe(true);
    await host.close();
    expect(await reachable()).toBe(false);
  });
});

describe("HTTP streams mode: Kestrel's MinRequestBodyDataRate on a streamed body", () => {
  let host: FixtureHost;
  let server: HostServer;
  beforeAll(async () => {
    host = await startFixture('streams');
    server = await startHostServer(host, {
      port: 0,
      minRequestBodyDataRate: { bytesPerSecond: 4 * 1024 * 1024, gracePeriodMs: 300 },
    });
  });
  afterAll(async () => {
    await server.close();
    await host.close();
  });

  const open = (path: string): { socket: Socket; answer: () => string } => {
    const socket = connect(server.port, '127.0.0.1');
    socket.on('error', () => undefined);
    let text = '';
    socket.on('data', (data) => (text += data.toString()));
    socket.write(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n`);
    return { socket, answer: () => text };
  };

  it('a client that trickles its body gets 408 and the function sees its read fail', async () => {
    const { socket, answer } = open('/api/readUntilAbort');
    socket.write('a\r\n0123456789\r\n');
    await until(() => (lastEvent('readUntilAbort')?.read ?? 0) >= 10);
    await until(() => answer().includes('\r\n\r\n'));
    expect(answer()).toMatch(/^HTTP\/1\.1 408 /);
    await until(() => lastEvent('readUntilAbort')?.outcome !== 'reading');
    expect(lastEvent('readUntilAbort')?.outcome).toMatch(/^failed: /);
    socket.destroy();
  });

  it('time paused by backpressure (the function not reading) does not count against the client', async () => {
    const { socket, answer } = open('/api/stallRead');
    const piece = Buffer.alloc(1024 * 1024, 3);
    for (let i = 0; i < 8; i += 1) {
      socket.write(`${piece.length.toString(16)}\r\n`);
      socket.write(piece);
      socket.write('\r\n');
    }
    await until(() => (lastEvent('stallRead')?.read ?? 0) > 0);
    // Stalled for several grace periods: a rate counted over wall time would answer 408 here.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(answer()).toBe('');
    (globalThis as { __releaseStall?: () => void }).__releaseStall?.();
    socket.write('0\r\n\r\n');
    await until(() => answer().includes('read '));
    expect(answer()).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer()).toContain(`read ${8 * piece.length}`);
    socket.destroy();
  });
});
