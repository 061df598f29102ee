import { getLogger } from '@cookbook/logging';
import { describe, expect, it } from 'vitest';

import { createFakeHttpRequest } from '../testing/fake-http-request.js';
import { createFakeInvocationContext } from '../testing/fake-invocation-context.js';
import { createRequestContext } from './create-request-context.js';

function contextFor(url: string, headers: Record<string, string> = {}) {
  return createRequestContext(
    createFakeHttpRequest({ url, headers, method: 'post' }),
    createFakeInvocationContext({
      functionName: 'getItem',
      invocationId: 'inv-9',
      traceParent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    }),
    'items/{id}',
  );
}

describe('createRequestContext', () => {
  it('collects invocation, trace and request facts, and nothing gateway-specific', () => {
    expect(
      contextFor('http://localhost:7071/api/items/1?code=secret', {
        'x-correlation-id': 'c-1',
        'x-apim-gateway': 'azure-api-management',
        'x-apim-cache': 'HIT',
        'x-forwarded-for': '203.0.113.9',
      }),
    ).toEqual({
      invocationId: 'inv-9',
      functionName: 'getItem',
      correlationId: 'c-1',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      traceParent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      method: 'POST',
      path: '/api/items/1',
      route: 'items/{id}',
      logger: getLogger(),
    });
  });

  it.each([
    ['http://localhost:7071/api/items?code=a/b', '/api/items'],
    ['https://fn.azurewebsites.net/api/x#frag', '/api/x'],
    ['http://localhost:7071?code=/secret', '/'],
    ['http://localhost:7071', '/'],
  ])('keeps only the path of %s (keys travel in the query)', (url, path) => {
    expect(contextFor(url).path).toBe(path);
  });
});
