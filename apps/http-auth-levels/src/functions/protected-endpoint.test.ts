import { invokeRoute } from '@cookbook/http-kit/testing';
import { describe, expect, it } from 'vitest';

import { protectedEndpoint } from './protected-endpoint.js';

describe('GET /api/protected', () => {
  it('answers 200 with the plain-text body once the host has let the call in', async () => {
    const response = await invokeRoute(protectedEndpoint);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.body).toBe('This endpoint requires a function key.');
  });

  it('is registered at function level: the host checks the key, the handler holds no auth code', () => {
    expect(protectedEndpoint.authLevel).toBe('function');
  });

  it('never echoes or logs a ?code= key it was called with', async () => {
    const response = await invokeRoute(protectedEndpoint, {
      query: { code: 'dev-protected-key-not-secret' },
    });
    expect(response.status).toBe(200);
    expect(response.body).not.toContain('dev-protected-key');
    expect(JSON.stringify(response.logs)).not.toContain('dev-protected-key');
  });
});
