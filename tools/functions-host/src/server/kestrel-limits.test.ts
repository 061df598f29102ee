import { connect } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FixtureHost, startFixture } from '../testing/fixture-host.js';
import { rawRequest } from '../testing/raw-http.js';
import { type HostServer, startHostServer } from './start-host-server.js';

describe('bad requests get Kestrel statuses, never a 500 or a stack trace', () => {
  let host: FixtureHost;
  let server: HostServer;
  beforeAll(async () => {
    host = await startFixture('kitchen-sink');
    server = await startHostServer(host, {
      headersTimeoutMs: 300,
      minRequestBodyDataRate: { bytesPerSecond: 1000, gracePeriodMs: 300 },
    });
  });
  afterAll(async () => {
    await server.close();
    await host.close();
  });

  const get = (headers: string): Promise<Awaited<ReturnType<typeof rawRequest>>> =>
    rawRequest(server.port, `GET /api/echo HTTP/1.1\r\n${headers}\r\n`);

  it('headers over 32 KB → 431 (Kestrel MaxRequestHeadersTotalSize)', async () => {
    const response = await get(`Host: localhost\r\nx-big: ${'a'.repeat(40 * 1024)}\r\n`);
    expect(response.status).toBe(431);
    expect((await get('Host: localhost\r\n')).status).toBe(200);
  });

  it('more than 100 header lines → 431 (Kestrel MaxRequestHeaderCount)', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `x-h${i}: ${i}\r\n`).join('');
    expect((await get(`Host: localhost\r\n${many}`)).status).toBe(431);
    const hundred = Array.from({ length: 99 }, (_, i) => `x-h${i}: ${i}\r\n`).join('');
    expect((await get(`Host: localhost\r\n${hundred}`)).status).toBe(200);
  });

  it('a request head not complete within the header timeout → 408 (Kestrel RequestHeadersTimeout)', async () => {
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write('GET /api/echo HTTP/1.1\r\nHo'),
      );
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(data));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('a body slower than the minimum data rate → 408 (Kestrel MinRequestBodyDataRate)', async () => {
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write(
          'POST /api/echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\nab',
        ),
      );
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(data));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
  });

  it.each(['u:p@x', 'a b', 'x/y', 'x?y', '[::1', ''])(
    'Host %j → 400 before routing (Kestrel validates Host), with nothing logged',
    async (badHost) => {
      const before = host.logs.length;
      expect((await get(`Host: ${badHost}\r\n`)).status).toBe(400);
      expect(host.logs.slice(before).filter((entry) => entry.level === 'error')).toEqual([]);
    },
  );

  it('an HTTP/1.1 request without Host → 400; valid hosts (name, IPv4, IPv6, port) are served', async () => {
    expect((await get('')).status).toBe(400);
    for (const good of [
      'localhost',
      'localhost:7071',
      '127.0.0.1:1',
      '[::1]:7071',
      'my-app.azurewebsites.net',
    ]) {
      expect((await get(`Host: ${good}\r\n`)).status).toBe(200);
    }
  });

  it('host.fetch() answers a bad Host header with 400 too', async () => {
    expect((await host.get('/api/echo', { headers: { host: 'u:p@x' } })).status).toBe(400);
  });
});
