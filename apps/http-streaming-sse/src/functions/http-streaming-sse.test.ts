import { PROBLEM_CONTENT_TYPE } from '@cookbook/http-kit';
import { invokeRoute } from '@cookbook/http-kit/testing';
import { describe, expect, it } from 'vitest';

import { httpStreamingSse } from './http-streaming-sse.js';

describe('GET /api/http-streaming-sse', () => {
  it('greets by name, trimmed', async () => {
    const response = await invokeRoute(httpStreamingSse, { query: { name: '  Ada ' } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: 'Hello, Ada!' });
  });

  it('greets the world without a name', async () => {
    expect((await invokeRoute(httpStreamingSse)).json()).toEqual({ message: 'Hello, World!' });
  });

  it('answers a name over 100 characters with a 422 problem, not a 500', async () => {
    const response = await invokeRoute(httpStreamingSse, { query: { name: 'a'.repeat(101) } });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
  });
});
