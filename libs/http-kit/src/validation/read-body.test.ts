import { describe, expect, it } from 'vitest';

import { createCatalogItem } from '../route/catalog.fixture.js';
import { invokeRoute } from '../testing/invoke-route.js';

type Problem = { type: string; status: number; detail?: string; errors?: { pointer: string }[] };

describe('JSON request bodies', () => {
  it('accepts application/json and vendor +json types with a UTF-8 charset', async () => {
    for (const contentType of ['application/json', 'application/merge-patch+json; charset=UTF-8']) {
      const response = await invokeRoute(createCatalogItem, {
        body: JSON.stringify({ name: 'Pen', price: 1 }),
        headers: { 'content-type': contentType },
      });
      expect(response.status).toBe(201);
    }
  });

  it.each([
    ['text/plain', '{"name":"Pen","price":1}'],
    ['application/x-www-form-urlencoded', 'name=Pen&price=1'],
    ['application/json; charset=iso-8859-1', '{"name":"Pen","price":1}'],
  ])('answers 415 for %s', async (contentType, body) => {
    const response = await invokeRoute(createCatalogItem, {
      body,
      headers: { 'content-type': contentType },
    });
    expect(response.status).toBe(415);
    expect(response.json<Problem>().type).toMatch(/unsupported-media-type$/);
  });

  it('answers 415 for a body without content type', async () => {
    const response = await invokeRoute(createCatalogItem, { body: '{"name":"Pen","price":1}' });
    expect(response.status).toBe(415);
  });

  it('answers 413 from Content-Length before reading the body', async () => {
    const response = await invokeRoute(createCatalogItem, {
      body: '{}',
      headers: { 'content-type': 'application/json', 'content-length': '5000' },
    });
    expect(response.status).toBe(413);
    expect(response.json<Problem>().detail).toBe('The request body must not exceed 1024 bytes.');
  });

  it('answers 413 when the body is larger than the limit even if Content-Length says otherwise', async () => {
    const response = await invokeRoute(createCatalogItem, {
      body: { name: 'x'.repeat(2000), price: 1 },
      headers: { 'content-length': '10' },
    });
    expect(response.status).toBe(413);
  });

  it('answers 400 for malformed JSON without echoing the parser message', async () => {
    const response = await invokeRoute(createCatalogItem, {
      body: '{"name": "Pen", price: secret-token}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.json<Problem>()).toMatchObject({
      detail: 'The request body is not valid JSON.',
    });
    expect(response.body).not.toContain('secret-token');
  });

  it('answers 400 for bytes that are not UTF-8', async () => {
    const response = await invokeRoute(createCatalogItem, {
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.json<Problem>().detail).toBe('The request body is not valid UTF-8.');
  });

  it('treats an empty or blank body as missing: 422 at /body', async () => {
    for (const body of [undefined, '   ']) {
      const response = await invokeRoute(createCatalogItem, {
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(422);
      expect(response.json<Problem>().errors).toEqual([
        { pointer: '/body', message: expect.any(String) },
      ]);
    }
  });

  it('answers 422 with pointers into the body for schema violations', async () => {
    const response = await invokeRoute(createCatalogItem, {
      body: { name: '', price: -1, tags: ['a', 2] },
    });
    expect(response.status).toBe(422);
    expect(response.json<Problem>().errors?.map((error) => error.pointer)).toEqual([
      '/body/name',
      '/body/price',
      '/body/tags/1',
    ]);
  });

  it('does not let a __proto__ key change the parsed object', async () => {
    const response = await invokeRoute(createCatalogItem, {
      body: '{"name":"Pen","price":1,"__proto__":{"polluted":true}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(201);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
