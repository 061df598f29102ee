import { request as httpRequest } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FixtureHost, startFixture } from '../testing/fixture-host.js';
import { type HostServer, startHostServer } from './start-host-server.js';

describe('one path normalisation over sockets and through host.fetch (Kestrel removes dot segments)', () => {
  let host: FixtureHost;
  let server: HostServer;
  beforeAll(async () => {
    host = await startFixture('routing');
    server = await startHostServer(host);
  });
  afterAll(async () => {
    await server.close();
    await host.close();
  });

  // node:http sends the path exactly as written, like curl --path-as-is.
  const overSocket = (path: string): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  const throughFetch = async (path: string): Promise<{ status: number; body: string }> => {
    const response = await host.get(path);
    return { status: response.status, body: await response.text() };
  };

  it.each([
    ['/api/files/../items/7', 'items-get', { id: '7' }],
    ['/api/files/%2e%2e/items/7', 'items-get', { id: '7' }],
    ['/api/files/%2E%2e/items/7', 'items-get', { id: '7' }],
    ['/api/files/./a/../b', 'files', { path: 'b' }],
    ['/api/../api/orders/search', 'orders-search', {}],
    ['/api/files/..%2Fitems', 'files', { path: '..%2Fitems' }],
  ])('%s routes to %s both ways', async (path, fn, params) => {
    const socket = await overSocket(path);
    const fetched = await throughFetch(path);
    expect(socket).toEqual(fetched);
    expect(JSON.parse(socket.body)).toEqual({ fn, params });
  });
});
