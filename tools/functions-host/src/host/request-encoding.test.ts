import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FixtureHost, startFixture } from '../testing/fixture-host.js';

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  tagAll: string[];
  params: Record<string, string>;
  bodyText: string;
  bodyLength: number;
  traceContext: { traceParent: string; traceState: string };
}

describe('request encoding (host → worker, GrpcMessageConversionExtensions)', () => {
  let host: FixtureHost;
  beforeAll(async () => {
    host = await startFixture('kitchen-sink');
  });
  afterAll(() => host.close());

  const echo = async (path: string, init?: RequestInit): Promise<Echo> => {
    const response = await host.get(path, init);
    expect(response.status).toBe(200);
    return (await response.json()) as Echo;
  };

  it('repeated query keys are comma-joined like the host (nodejs-library#168)', async () => {
    const body = await echo('/api/echo?tag=a&tag=b');
    expect(body.query['tag']).toBe('a,b');
    expect(body.tagAll).toEqual(['a,b']);
  });

  it('query keys are case-insensitive like ASP.NET Core, the first spelling wins', async () => {
    const body = await echo('/api/echo?Tag=a&tag=b&empty=&plus=a+b%21');
    expect(body.query).toEqual({ Tag: 'a,b', empty: '', plus: 'a b!' });
  });

  it('header names are lowercased and repeated headers joined with commas', async () => {
    const headers = new Headers();
    headers.append('X-Multi', 'one');
    headers.append('x-multi', 'two');
    headers.append('X-Empty', '');
    const body = await echo('/api/echo', { headers });
    expect(body.headers['x-multi']).toBe('one, two');
    expect(body.headers).not.toHaveProperty('x-empty');
  });

  it('url is scheme + Host + path + query', async () => {
    const body = await echo('/api/echo/7?x=1');
    expect(body.url).toBe('http://localhost:7071/api/echo/7?x=1');
  });

  it('only supplied route values are passed (optional {id?} left out when absent)', async () => {
    expect((await echo('/api/echo')).params).toEqual({});
    expect((await echo('/api/echo/42')).params).toEqual({ id: '42' });
  });

  it('route values are percent-decoded except %2F, like ASP.NET Core Request.Path', async () => {
    expect((await echo('/api/echo/a%20b%2Fc')).params).toEqual({ id: 'a b%2Fc' });
  });

  it('the body arrives as bytes when Content-Length > 0 (RawHttpBodyBytes)', async () => {
    const bytes = new Uint8Array([0xff, 0x00, 0x41]);
    const body = await echo('/api/echo', { method: 'POST', body: bytes });
    expect(body.bodyLength).toBe(3);
  });

  it('a chunked body without Content-Length is dropped like Azure, with a one-time warning (nodejs-library#171)', async () => {
    const init = { method: 'POST', body: 'lost', headers: { 'transfer-encoding': 'chunked' } };
    expect((await echo('/api/echo', init)).bodyLength).toBe(0);
    expect((await echo('/api/echo', init)).bodyLength).toBe(0);
    const warnings = host.logs.filter((entry) =>
      entry.message.includes('Transfer-Encoding: chunked'),
    );
    expect(warnings).toHaveLength(1);
  });

  it('traceparent becomes the traceContext with the same trace id and a new span id', async () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const body = await echo('/api/echo', {
      headers: { traceparent, tracestate: 'congo=t61rcWkgMzE' },
    });
    const [version, traceId, spanId, flags] = body.traceContext.traceParent.split('-');
    expect([version, traceId, flags]).toEqual(['00', '0af7651916cd43dd8448eb211c80319c', '01']);
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(spanId).not.toBe('b7ad6b7169203331');
    expect(body.traceContext.traceState).toBe('congo=t61rcWkgMzE');
  });

  it('a traceparent is generated when the request has none (or an invalid one)', async () => {
    const cases: Record<string, string>[] = [{}, { traceparent: 'not-a-trace' }];
    for (const headers of cases) {
      const body = await echo('/api/echo', { headers });
      expect(body.traceContext.traceParent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    }
  });

  it('local.settings.json Values reach process.env without overriding real variables', async () => {
    const previous = process.env['KITCHEN_OVERRIDDEN'];
    process.env['KITCHEN_OVERRIDDEN'] = 'from the real environment';
    const other = await startFixture('kitchen-sink');
    try {
      const response = await other.get('/api/echo');
      const body = (await response.json()) as { env: Record<string, string> };
      expect(body.env).toEqual({
        greeting: 'from local.settings.json',
        overridden: 'from the real environment',
      });
    } finally {
      await other.close();
      if (previous === undefined) delete process.env['KITCHEN_OVERRIDDEN'];
      else process.env['KITCHEN_OVERRIDDEN'] = previous;
    }
  });
});
