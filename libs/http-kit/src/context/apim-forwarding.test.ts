import { describe, expect, it } from 'vitest';

import { readApimForwarding } from './apim-forwarding.js';

describe('readApimForwarding (headers the APIM policy adds before forwarding)', () => {
  it('reports bypass when the request did not come through APIM', () => {
    expect(readApimForwarding(new Headers({ 'x-apim-cache': 'HIT' }))).toEqual({
      routedBy: null,
      cacheStatus: 'bypass',
      forwardedFor: [],
    });
  });

  it('lowercases the cache status APIM forwards', () => {
    const headers = new Headers({
      'x-apim-gateway': 'azure-api-management',
      'x-apim-cache': 'MISS',
    });
    expect(readApimForwarding(headers)).toMatchObject({
      routedBy: 'azure-api-management',
      cacheStatus: 'miss',
    });
    headers.set('x-apim-cache', 'HIT');
    expect(readApimForwarding(headers).cacheStatus).toBe('hit');
  });

  it('treats a forwarded request without a known cache header as a miss', () => {
    const headers = new Headers({
      'x-apim-gateway': 'azure-api-management',
      'x-apim-cache': 'weird',
    });
    expect(readApimForwarding(headers).cacheStatus).toBe('miss');
  });

  it('drops a hostile gateway name', () => {
    const headers = new Headers({ 'x-apim-gateway': '<b>evil</b>' });
    expect(readApimForwarding(headers)).toMatchObject({ routedBy: null, cacheStatus: 'bypass' });
  });

  it('keeps only IP-like x-forwarded-for entries (APIM appends the client IP)', () => {
    const headers = new Headers({
      'x-forwarded-for': '203.0.113.7, 2001:db8::1, <script>, 10.0.0.1:443',
    });
    expect(readApimForwarding(headers).forwardedFor).toEqual([
      '203.0.113.7',
      '2001:db8::1',
      '10.0.0.1:443',
    ]);
  });
});
