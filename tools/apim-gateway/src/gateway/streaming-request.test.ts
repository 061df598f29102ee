import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { rawConnection } from '../../test-fixtures/raw-http.js';
import { policy, SUBSCRIPTION_KEY, useTestGateways } from '../../test-fixtures/test-gateway.js';

const gatewayWith = useTestGateways();
const MiB = 1024 * 1024;

const servers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()));
});

async function backend(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<string> {
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  servers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Answers with what arrived: the framing headers, the byte count and the body's SHA-256. */
async function measuringBackend(): Promise<string> {
  return backend((req, res) => {
    const hash = createHash('sha256');
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      hash.update(chunk);
    });
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          size,
          sha256: hash.digest('hex'),
          contentLength: req.headers['content-length'] ?? null,
          transferEncoding: req.headers['transfer-encoding'] ?? null,
        }),
      );
    });
  });
}

function gatewayFor(serviceUrl: string, forwardRequest: string, maxBodyBytes?: number) {
  return gatewayWith({
    api: { serviceUrl: `${serviceUrl}/api` },
    apiPolicy: policy({ backend: forwardRequest }),
    ...(maxBodyBytes ? { server: { maxBodyBytes } } : {}),
  });
}

/** A chunked request body from an async generator (fetch sends it without Content-Length). */
function chunkedBody(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
  });
}

describe('request bodies with buffer-request-body="false" (APIM’s default): streamed to the backend', () => {
  it('a chunked body reaches the backend chunked, byte for byte', async () => {
    const gw = await gatewayFor(await measuringBackend(), '<forward-request />');
    const parts = ['alpha-', 'beta-', 'gamma'];
    const expected = createHash('sha256').update(parts.join('')).digest('hex');
    const response = await gw.call('/api/catalog', {
      method: 'POST',
      body: chunkedBody([...parts]),
      duplex: 'half',
    } as RequestInit);
    expect(await response.json()).toEqual({
      size: 16,
      sha256: expected,
      contentLength: null,
      transferEncoding: 'chunked',
    });
  });

  it('a chunked body on a DELETE is still framed as chunked for the backend', async () => {
    const gw = await gatewayFor(await measuringBackend(), '<forward-request />');
    const response = await gw.call('/api/catalog/1', {
      method: 'DELETE',
      body: chunkedBody(['del', 'ete']),
      duplex: 'half',
    } as RequestInit);
    expect(await response.json()).toMatchObject({
      size: 6,
      contentLength: null,
      transferEncoding: 'chunked',
    });
  });

  it('a declared Content-Length is forwarded as is', async () => {
    const gw = await gatewayFor(await measuringBackend(), '<forward-request />');
    const response = await gw.call('/api/catalog', { method: 'POST', body: 'x'.repeat(1000) });
    expect(await response.json()).toMatchObject({
      size: 1000,
      contentLength: '1000',
      transferEncoding: null,
    });
  });

  it('a slow backend holds the upload back: the gateway never reads far ahead of what the backend took', async () => {
    const total = 96 * MiB;
    let received = 0;
    let resumedOnce = false;
    let backendPaused!: () => void;
    const paused = new Promise<void>((resolve) => (backendPaused = resolve));
    let resumeBackend!: () => void;
    const resumed = new Promise<void>((resolve) => (resumeBackend = resolve));
    const hash = createHash('sha256');
    const slow = await backend((req, res) => {
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        hash.update(chunk);
        if (received >= MiB && !req.isPaused() && !resumedOnce) {
          req.pause();
          backendPaused();
          void resumed.then(() => req.resume());
        }
      });
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ size: received, sha256: hash.digest('hex') }));
      });
    });
    const gw = await gatewayFor(slow, '<forward-request />', 256 * MiB);
    const connection = await rawConnection(gw.gateway.url);
    connection.send(
      [
        'POST /api/catalog HTTP/1.1',
        'Host: gw',
        `Ocp-Apim-Subscription-Key: ${SUBSCRIPTION_KEY}`,
        `Content-Length: ${total}`,
        '',
        '',
      ].join('\r\n'),
    );
    const answered = connection.response();
    const chunk = Buffer.alloc(64 * 1024, 'u');
    const sentHash = createHash('sha256');
    let sent = 0;
    const writing = (async () => {
      while (sent < total) {
        sent += chunk.length;
        sentHash.update(chunk);
        if (!connection.socket.write(chunk)) {
          await new Promise((resolve) => connection.socket.once('drain', resolve));
        }
      }
    })();
    await paused;
    // wait until the client can write no more (its writes stop draining); a gateway that read
    // the whole body ahead would let all 96 MiB through instead
    let last = -1;
    while (sent !== last && sent < total) {
      last = sent;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const inFlight = sent - received;
    expect(sent).toBeLessThan(total);
    // socket buffers on both hops, not the body (about 9 MiB measured on loopback)
    expect(inFlight).toBeLessThan(32 * MiB);
    resumedOnce = true;
    resumeBackend();
    await writing;
    const response = await answered;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      size: total,
      sha256: sentHash.digest('hex'),
    });
    connection.socket.destroy();
  });

  it('a streamed body past the gateway’s limit → 413 and the backend call is cut', async () => {
    let backendClosed!: () => void;
    const closed = new Promise<void>((resolve) => (backendClosed = resolve));
    const url = await backend((req) => {
      req.resume();
      req.once('close', () => backendClosed());
    });
    const gw = await gatewayFor(url, '<forward-request />', 64 * 1024);
    const response = await gw.call('/api/catalog', {
      method: 'POST',
      body: chunkedBody(Array.from({ length: 8 }, () => 'z'.repeat(16 * 1024))),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ statusCode: 413, message: 'Request entity too large' });
    await closed;
  });

  it('inbound set-body replaces the client’s body: the backend gets the new one', async () => {
    const gw = await gatewayWith({
      api: { serviceUrl: `${await measuringBackend()}/api` },
      apiPolicy: policy({ inbound: '<base /><set-body>replaced</set-body>' }),
    });
    const response = await gw.call('/api/catalog', { method: 'POST', body: 'original' });
    expect(await response.json()).toMatchObject({ size: 8, contentLength: '8' });
  });

  it('a bodiless GET is forwarded without a body or framing headers; a bodiless POST with Content-Length: 0', async () => {
    const gw = await gatewayFor(await measuringBackend(), '<forward-request />');
    const get = await gw.call('/api/catalog/1');
    expect(await get.json()).toMatchObject({
      size: 0,
      contentLength: null,
      transferEncoding: null,
    });
    const post = await gw.call('/api/catalog', { method: 'POST' });
    expect(await post.json()).toMatchObject({
      size: 0,
      contentLength: '0',
      transferEncoding: null,
    });
  });
});

describe('buffer-request-body="true" (APIM: the body is buffered, e.g. for retry)', () => {
  it('a chunked body is read whole first and forwarded with its Content-Length', async () => {
    const gw = await gatewayFor(
      await measuringBackend(),
      '<forward-request buffer-request-body="true" />',
    );
    const response = await gw.call('/api/catalog', {
      method: 'POST',
      body: chunkedBody(['one-', 'two']),
      duplex: 'half',
    } as RequestInit);
    expect(await response.json()).toMatchObject({
      size: 7,
      contentLength: '7',
      transferEncoding: null,
    });
  });

  it('a buffered body past the limit → 413 before anything reaches the backend', async () => {
    let calls = 0;
    const url = await backend((_req, res) => {
      calls++;
      res.end();
    });
    const gw = await gatewayFor(url, '<forward-request buffer-request-body="true" />', 1024);
    const response = await gw.call('/api/catalog', {
      method: 'POST',
      body: chunkedBody(['a'.repeat(800), 'b'.repeat(800)]),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(calls).toBe(0);
  });
});
