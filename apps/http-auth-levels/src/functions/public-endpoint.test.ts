import { invokeRoute } from '@cookbook/http-kit/testing';
import { describe, expect, it } from 'vitest';

import { publicEndpoint } from './public-endpoint.js';

describe('GET /api/public', () => {
  it('answers 200 with the plain-text body of the Python recipe', async () => {
    const response = await invokeRoute(publicEndpoint);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.body).toBe('This endpoint is public (anonymous).');
  });

  it('is registered as anonymous: the host asks for no key', () => {
    expect(publicEndpoint.authLevel).toBe('anonymous');
  });
});
