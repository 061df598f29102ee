import { createFakeHttpRequest } from '@cookbook/http-kit/testing';
import { describe, expect, it } from 'vitest';

import { readApimContext } from './apim-context.js';

const withHeaders = (headers: Record<string, string>) =>
  readApimContext(createFakeHttpRequest({ headers }));

describe('readApimContext (headers the APIM policy adds before forwarding)', () => {
  it('reports bypass when the request did not come through APIM', () => {
    expect(withHeaders({ 'x-apim-cache': 'HIT' })).toEqual({
      routedBy: null,
      cacheStatus: 'bypass',
      forwardedFor: [],
    });
  });

  it('lowercases the cache status APIM forwards', () => {
    const forwarded = { 'x-apim-gateway': 'azure-api-management' };
    expect(withHeaders({ ...forwarded, 'x-apim-cache': 'MISS' })).toMatchObject({
      routedBy: 'azure-api-management',
      cacheStatus: 'miss',
    });
    expect(withHeaders({ ...forwarded, 'x-apim-cache': 'HIT' }).cacheStatus).toBe('hit');
  });

  it('treats a forwarded request without a known cache header as a miss', () => {
    const headers = { 'x-apim-gateway': 'azure-api-management', 'x-apim-cache': 'weird' };
    expect(withHeaders(headers).cacheStatus).toBe('miss');
  });

  it('drops a hostile gateway name', () => {
    expect(withHeaders({ 'x-apim-gateway': '<b>evil</b>' })).toMatchObject({
      routedBy: null,
      cacheStatus: 'bypass',
    });
  });

  it('keeps only IP-like x-forwarded-for entries (APIM appends the client IP)', () => {
    const headers = { 'x-forwarded-for': '203.0.113.7, 2001:db8::1, <script>, 10.0.0.1:443' };
    expect(withHeaders(headers).forwardedFor).toEqual([
      '203.0.113.7',
      '2001:db8::1',
      '10.0.0.1:443',
    ]);
  });
});
