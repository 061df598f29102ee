import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FixtureHost, startFixture } from '../testing/fixture-host.js';
import { lazyBody, rawRequest } from '../testing/raw-http.js';
import { type HostServer, startHostServer } from './start-host-server.js';

const keys = { master: 'master-key', host: { default: 'host-key' } };
const MiB = 1024 * 1024;

describe('routing and keys from the request head, before any body is read', () => {
  let host: FixtureHost;
  let server: HostServer;
  beforeAll(async () => {
    host = await startFixture('faults', { auth: true, keys, maxRequestBodySize: 8 * MiB });
    server = await startHostServer(host);
  });
  afterAll(async () => {
    await server.close();
    await host.close();
  });

  // 99 MB announced; at most 16 MiB offered, so a host that waits for the body never answers.
  const bigPost = (path: string, extra = ''): Promise<Awaited<ReturnType<typeof rawRequest>>> =>
    rawRequest(
      server.port,
      `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${99 * MiB}\r\n${extra}\r\n`,
      { body: lazyBody(16 * 16, 64 * 1024) },
    );

  it('an unknown route is 404 without reading the body (Azure routes on the request line)', async () => {
    const response = await bigPost('/api/does-not-exist');
    expect(response.status).toBe(404);
    expect(response.bytesSent).toBeLessThan(16 * MiB);
  });

  it('a function-level route without a key is 401 without reading the body (AuthenticationLevelHandler)', async () => {
    const response = await bigPost('/api/keyed/upload');
    expect(response.status).toBe(401);
    expect(response.bytesSent).toBeLessThan(16 * MiB);
  });

  it('a request that would be invoked but declares more than the limit is 413 before its body (Kestrel MaxRequestBodySize)', async () => {
    const response = await bigPost('/api/keyed/upload', 'x-functions-key: host-key\r\n');
    expect(response.status).toBe(413);
    expect(response.bytesSent).toBeLessThan(16 * MiB);
  });

  it('Expect: 100-continue is only answered for a request that will be invoked (Kestrel sends it on the first body read)', async () => {
    const head = (path: string, key = ''): string =>
      `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nExpect: 100-continue\r\n${key}\r\n`;
    const rejected = await rawRequest(server.port, head('/api/keyed/x'));
    expect(rejected).toMatchObject({ status: 401, continued: false });
    const accepted = await rawRequest(
      server.port,
      head('/api/keyed/x', 'x-functions-key: host-key\r\n'),
      {
        body: ['hello'],
      },
    );
    expect(accepted).toMatchObject({ status: 200, continued: true });
    expect(accepted.text).toContain('"bodyLength":5');
  });

  it('an invoked request streams its body up to the limit and the function gets every byte', async () => {
    const response = await rawRequest(
      server.port,
      `POST /api/keyed/x HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${4 * MiB}\r\nx-functions-key: host-key\r\n\r\n`,
      { body: lazyBody(64, 64 * 1024) },
    );
    expect(response.status).toBe(200);
    expect(response.text).toContain(`"bodyLength":${4 * MiB}`);
  });

  it('a chunked body past the limit is cut off with 413 while streaming', async () => {
    const chunk = `${(64 * 1024).toString(16)}\r\n${'a'.repeat(64 * 1024)}\r\n`;
    const response = await rawRequest(
      server.port,
      `POST /api/keyed/x HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nx-functions-key: host-key\r\n\r\n`,
      {
        body: (function* () {
          for (let i = 0; i < 1000; i += 1) yield chunk;
        })(),
      },
    );
    expect(response.status).toBe(413);
    expect(response.bytesSent).toBeLessThan(64 * MiB);
  });

  it('host.fetch() follows the same order: 404 and 401 leave the body unread', async () => {
    let pulled = 0;
    const post = (): RequestInit =>
      ({
        method: 'POST',
        duplex: 'half',
        // 16 MiB at most, so a host that reads bodies first stays bounded (and is caught).
        body: new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled += 1;
            if (pulled % 1024 === 0) controller.close();
            else controller.enqueue(new Uint8Array(16 * 1024));
          },
        }),
      }) as RequestInit;
    expect((await host.get('/api/nothing-here', post())).status).toBe(404);
    expect((await host.get('/api/keyed/x', post())).status).toBe(401);
    // A stream may prefetch one chunk when it is created; nothing more was read.
    expect(pulled).toBeLessThanOrEqual(2);
  });
});
