import { request as httpRequest } from 'node:http';

import { describe, expect, it } from 'vitest';

import { startFixture } from '../testing/fixture-host.js';
import { startHostServer } from './start-host-server.js';

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('graceful shutdown of the server (the host drains on SIGTERM)', () => {
  it('close() stops accepting, lets in-flight requests finish, then closes', async () => {
    const host = await startFixture('faults');
    const server = await startHostServer(host);
    try {
      const inFlight = Array.from({ length: 5 }, () => get(server.port, '/api/slow?ms=300'));
      while (server.inFlight() < 5) await new Promise((resolve) => setTimeout(resolve, 10));
      const closing = server.close({ drainTimeoutMs: 10_000 });
      await expect(get(server.port, '/api/slow?ms=1')).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
      expect(await Promise.all(inFlight)).toEqual(
        Array.from({ length: 5 }, () => ({ status: 200, body: 'slow done after 300 ms' })),
      );
      expect(await closing).toEqual({ abandoned: 0 });
    } finally {
      await host.close();
    }
  });

  it('requests still running at the drain timeout are cut off and counted', async () => {
    const host = await startFixture('faults');
    const server = await startHostServer(host);
    try {
      const hung = get(server.port, '/api/hang').catch(
        (error: NodeJS.ErrnoException) => error.code,
      );
      while (server.inFlight() < 1) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await server.close({ drainTimeoutMs: 100 })).toEqual({ abandoned: 1 });
      expect(await hung).toBe('ECONNRESET');
    } finally {
      await host.close();
    }
  });
});
