import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { lazyBody, rawRequest, type RawResponse } from '../src/testing/raw-http.js';
import { type ChildHost, get, KEYS, startChildHost } from './child-host.js';

const MiB = 1024 * 1024;

describe('oversized heads and bodies', () => {
  let host: ChildHost;
  beforeAll(async () => {
    host = await startChildHost();
  });
  afterAll(() => host.stop());

  // Announces `length` bytes but offers at most `offered`: a host that waited for whole bodies
  // would never answer, and would hold 30 × 8 MiB while waiting.
  const post = (
    path: string,
    length: number,
    extra = '',
    offered = 8 * MiB,
  ): Promise<RawResponse> =>
    rawRequest(
      host.port,
      `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${length}\r\n${extra}\r\n`,
      { body: lazyBody(Math.ceil(Math.min(length, offered) / (64 * 1024)), 64 * 1024) },
    );

  it('10 parallel 99 MB uploads each to an unknown route, a keyed route without a key, and over the 100 MB limit: 404, 401, 413 — none buffered', async (context) => {
    const before = await host.memory();
    let peak = before.rss;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, (await host.memory()).rss);
      }
    })();
    const [notFound, noKey, tooLarge] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, (_, i) => post(`/api/nothing/${i}`, 99 * MiB))),
      Promise.all(Array.from({ length: 10 }, (_, i) => post(`/api/keyed/${i}`, 99 * MiB))),
      Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          post(`/api/keyed/${i}`, 101 * MiB, `x-functions-key: ${KEYS.host}\r\n`),
        ),
      ),
    ]);
    sampling = false;
    await sampler;
    const after = await host.memory();
    context.task.meta.rssBefore = before.rss;
    context.task.meta.rssAfter = after.rss;
    expect(notFound.map((response) => response.status)).toEqual(Array(10).fill(404));
    expect(noKey.map((response) => response.status)).toEqual(Array(10).fill(401));
    expect(tooLarge.map((response) => response.status)).toEqual(Array(10).fill(413));
    // Buffering the 30 offered bodies would take 240 MiB; reading none stays within tens of MiB.
    expect(peak - before.rss).toBeLessThan(128 * MiB);
  });

  it('an invoked upload streams up to the limit: 20 MB arrives whole', async () => {
    const response = await post(
      '/api/keyed/upload',
      20 * MiB,
      `x-functions-key: ${KEYS.host}\r\n`,
      20 * MiB,
    );
    expect(response.status).toBe(200);
    expect(response.text).toContain(`"bodyLength":${20 * MiB}`);
  });

  it('oversized heads: 40 KB of headers and 150 header lines → 431; a huge URL → 414; the host stays up', async () => {
    const head = (headers: string, path = '/api/slow?ms=1'): Promise<RawResponse> =>
      rawRequest(host.port, `GET ${path} HTTP/1.1\r\nHost: localhost\r\n${headers}\r\n`);
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () => head(`x-big: ${'a'.repeat(40 * 1024)}\r\n`)),
      ...Array.from({ length: 20 }, () =>
        head(Array.from({ length: 150 }, (_, i) => `x-h${i}: ${i}\r\n`).join('')),
      ),
      ...Array.from({ length: 20 }, () => head('', `/api/slow?pad=${'p'.repeat(5000)}`)),
    ]);
    expect(results.slice(0, 40).map((result) => result.status)).toEqual(Array(40).fill(431));
    expect(results.slice(40).map((result) => result.status)).toEqual(Array(20).fill(414));
    expect((await get(host.port, '/api/slow?ms=1')).status).toBe(200);
  });
});
