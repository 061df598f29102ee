import { connect } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type HostServer, startHostServer } from '../src/server/start-host-server.js';
import { type FixtureHost, startFixture } from '../src/testing/fixture-host.js';
import { get } from './child-host.js';

/** A connection that trickles `text` one byte every `everyMs`; resolves with all it got back. */
function trickle(port: number, text: string, everyMs: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    let index = 0;
    const timer = setInterval(() => {
      if (index < text.length && socket.writable) socket.write(text[index++] ?? '');
    }, everyMs);
    socket.on('data', (chunk) => (reply += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve(reply);
    });
  });
}

describe('slowloris: slow heads and slow bodies', () => {
  let host: FixtureHost;
  let server: HostServer;
  beforeAll(async () => {
    host = await startFixture('faults', { log: () => undefined });
    // Kestrel's 30 s header timeout and 5 s body grace period, shortened for the test.
    server = await startHostServer(host, {
      headersTimeoutMs: 500,
      minRequestBodyDataRate: { bytesPerSecond: 240, gracePeriodMs: 500 },
    });
  });
  afterAll(async () => {
    await server.close({ drainTimeoutMs: 0 });
    await host.close();
  });

  it('200 connections trickling their request head all get 408 (Kestrel RequestHeadersTimeout) and are closed', async () => {
    const head = `GET /api/slow?ms=1 HTTP/1.1\r\nHost: localhost\r\nx-pad: ${'a'.repeat(200)}\r\n\r\n`;
    const replies = await Promise.all(
      Array.from({ length: 200 }, () => trickle(server.port, head, 20)),
    );
    expect(replies.filter((reply) => reply.startsWith('HTTP/1.1 408 '))).toHaveLength(200);
  });

  it('normal requests are served while 100 slow heads are pending', async () => {
    const head = `GET /api/slow?ms=1 HTTP/1.1\r\nHost: localhost\r\nx-pad: ${'a'.repeat(200)}\r\n\r\n`;
    const slow = Array.from({ length: 100 }, () => trickle(server.port, head, 20));
    const normal = await Promise.all(
      Array.from({ length: 50 }, () => get(server.port, '/api/slow?ms=1')),
    );
    expect(normal.map((reply) => reply.status)).toEqual(Array(50).fill(200));
    await Promise.all(slow);
  });

  it('50 bodies sent slower than the minimum data rate all get 408 (Kestrel MinRequestBodyDataRate)', async () => {
    const request = `POST /api/slow?ms=1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10000\r\n\r\n${'b'.repeat(10_000)}`;
    const headEnd = request.indexOf('\r\n\r\n') + 4;
    const replies = await Promise.all(
      Array.from(
        { length: 50 },
        () =>
          new Promise<string>((resolve) => {
            const socket = connect(server.port, '127.0.0.1', () =>
              socket.write(request.slice(0, headEnd)),
            );
            let reply = '';
            let index = headEnd;
            const timer = setInterval(() => {
              if (index < request.length && socket.writable) socket.write(request[index++] ?? '');
            }, 50);
            socket.on('data', (chunk) => (reply += chunk.toString()));
            socket.on('error', () => undefined);
            socket.on('close', () => {
              clearInterval(timer);
              resolve(reply);
            });
          }),
      ),
    );
    expect(replies.filter((reply) => reply.startsWith('HTTP/1.1 408 '))).toHaveLength(50);
    expect(server.inFlight()).toBe(0);
  });
});
