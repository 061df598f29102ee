import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FixtureHost, startFixture } from '../testing/fixture-host.js';
import { type HostServer, startHostServer } from './start-host-server.js';

interface RawResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe('node:http server adapter (limits and malformed requests)', () => {
  let host: FixtureHost;
  let server: HostServer;
  beforeAll(async () => {
    host = await startFixture('kitchen-sink', { maxRequestBodySize: 1024, maxUrlLength: 200 });
    server = await startHostServer(host, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await host.close();
  });

  const send = (
    path: string,
    options: {
      method?: string;
      headers?: Record<string, string | string[]>;
      chunks?: string[];
    } = {},
  ): Promise<RawResult> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path,
          method: options.method ?? 'GET',
          headers: options.headers,
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      for (const chunk of options.chunks ?? []) req.write(chunk);
      req.end();
    });

  it('serves functions on 127.0.0.1 with an ephemeral port', async () => {
    const result = await send('/api/echo/1?tag=a&tag=b');
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ params: { id: '1' }, query: { tag: 'a,b' } });
  });

  it('joins repeated header lines with "," like StringValues.ToString()', async () => {
    const result = await send('/api/echo', { headers: { 'x-multi': ['one', 'two'] } });
    expect(JSON.parse(result.body).headers['x-multi']).toBe('one,two');
  });

  it('a body over the configured limit is 413 (Azure: 100 MB) and the host stays up', async () => {
    const result = await send('/api/echo', {
      method: 'POST',
      headers: { 'content-length': '2048' },
      chunks: ['x'.repeat(2048)],
    });
    expect(result.status).toBe(413);
    expect((await send('/api/echo')).status).toBe(200);
  });

  it('a URL over the configured limit is 414 (Azure: 4 KB)', async () => {
    expect((await send(`/api/echo?q=${'x'.repeat(300)}`)).status).toBe(414);
  });

  it('a chunked body is dropped (no Content-Length, like Azure) and an oversized chunked body is 413', async () => {
    const small = await send('/api/echo', { method: 'POST', chunks: ['hello ', 'world'] });
    expect(JSON.parse(small.body).bodyLength).toBe(0);
    const big = await send('/api/echo', {
      method: 'POST',
      chunks: ['x'.repeat(800), 'y'.repeat(800)],
    });
    expect(big.status).toBe(413);
  });

  it('malformed HTTP gets 400 and the host stays up', async () => {
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write('GARBAGE / HTTP/1.1\r\nHost: x\r\n\r\n'),
      );
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await send('/api/echo')).status).toBe(200);
  });

  it('an invalid Host header is 400', async () => {
    expect((await send('/api/echo', { headers: { host: 'bad host' } })).status).toBe(400);
  });
});
