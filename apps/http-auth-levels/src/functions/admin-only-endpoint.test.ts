import { invokeRoute } from '@cookbook/http-kit/testing';
import { describe, expect, it } from 'vitest';

import { adminOnlyEndpoint } from './admin-only-endpoint.js';

describe('GET /api/admin-only', () => {
  it('answers 200 with the plain-text body once the host has let the call in', async () => {
    const response = await invokeRoute(adminOnlyEndpoint);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.body).toBe('This endpoint requires the admin/master key.');
  });

  it('is registered at admin level: only the master key gets through the host', () => {
    expect(adminOnlyEndpoint.authLevel).toBe('admin');
  });
});
