import { request as httpRequest } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FixtureHost, startFixture } from '../testing/fixture-host.js';
import { type HostServer, startHostServer } from './start-host-server.js';

interface Seen {
  headers: Record<string, string>;
  clientPort: number;
}

// The front end sits before the host, so streams mode sees the same headers (in trigger metadata).
describe.each(['default', 'streams'] as const)(
  "the headers Azure's front end adds reach the function (App Service ARR), %s mode",
  (mode) => {
    let host: FixtureHost;
    let server: HostServer;
    beforeAll(async () => {
      host = await startFixture('kitchen-sink', {}, mode);
      server = await startHostServer(host);
    });
    afterAll(async () => {
      await server.close();
      await host.close();
    });

    const send = (path: string, headers: Record<string, string> = {}): Promise<Seen> =>
      new Promise((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port: server.port, path, headers, agent: false },
          (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () =>
              resolve({
                headers: (JSON.parse(body) as { headers: Record<string, string> }).headers,
                clientPort: req.socket?.localPort ?? -1,
              }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      });

    it('x-forwarded-for is the client ip:port; x-forwarded-proto, x-original-url, disguised-host, was-default-hostname and x-arr-log-id are set', async () => {
      const { headers, clientPort } = await send('/api/echo/1?q=%41&code=k', {
        host: 'myapp.example:7071',
      });
      expect(headers['x-forwarded-for']).toBe(`127.0.0.1:${clientPort}`);
      expect(headers['x-forwarded-proto']).toBe('http');
      expect(headers['x-original-url']).toBe('/api/echo/1?q=%41&code=k');
      expect(headers['disguised-host']).toBe('myapp.example:7071');
      expect(headers['was-default-hostname']).toBe('myapp.example:7071');
      expect(headers['x-arr-log-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('a client-sent x-forwarded-for is kept and the client address appended; the other front-end headers cannot be spoofed', async () => {
      const { headers } = await send('/api/echo', {
        'x-forwarded-for': '203.0.113.9',
        'x-arr-log-id': 'spoofed',
        'x-original-url': '/spoofed',
        'disguised-host': 'spoofed',
      });
      expect(headers['x-forwarded-for']).toMatch(/^203\.0\.113\.9, 127\.0\.0\.1:\d+$/);
      expect(headers['x-arr-log-id']).not.toBe('spoofed');
      expect(headers['x-original-url']).toBe('/api/echo');
      expect(headers['disguised-host']).not.toBe('spoofed');
    });

    it('host.fetch() adds them too (client 127.0.0.1:0)', async () => {
      const response = await host.get('/api/echo');
      const { headers } = (await response.json()) as { headers: Record<string, string> };
      expect(headers['x-forwarded-for']).toBe('127.0.0.1:0');
      expect(headers['disguised-host']).toBe('localhost:7071');
    });

    it('frontEndHeaders: false leaves the request headers as sent', async () => {
      const plain = await startFixture('kitchen-sink', { frontEndHeaders: false });
      try {
        const response = await plain.get('/api/echo');
        const { headers } = (await response.json()) as { headers: Record<string, string> };
        expect(headers).not.toHaveProperty('x-forwarded-for');
      } finally {
        await plain.close();
      }
    });
  },
);
