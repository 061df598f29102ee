import { getLogger } from '@cookbook/logging';
import { type CapturedLogs, captureLogs } from '@cookbook/logging/testing';
import { afterEach, describe, expect, it } from 'vitest';

import type { RequestContext } from '../context/request-context.js';
import { httpError } from './http-problem.js';
import { ProblemDetailsSchema } from './problem-details.js';
import { toProblemResponse } from './to-problem-response.js';

const context: RequestContext = {
  invocationId: 'inv',
  functionName: 'fn',
  correlationId: 'corr-1',
  traceId: undefined,
  traceParent: undefined,
  method: 'GET',
  path: '/api/items/1',
  route: 'items/{id}',
  logger: getLogger(),
};

describe('toProblemResponse', () => {
  let logs: CapturedLogs | undefined;
  afterEach(() => logs?.restore());

  it('renders an HttpProblem as application/problem+json with its extra headers', () => {
    const response = toProblemResponse(
      httpError('tooManyRequests', 'Retry later.', { headers: { 'retry-after': '5' } }),
      context,
    );
    expect(response.status).toBe(429);
    expect(response.headers).toEqual({
      'retry-after': '5',
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
    });
    const body: unknown = JSON.parse(String(response.body));
    expect(ProblemDetailsSchema.parse(body)).toEqual({
      type: 'tag:azure-functions-cookbook,2026:problems/too-many-requests',
      title: 'Too many requests',
      status: 429,
      detail: 'Retry later.',
      instance: '/api/items/1',
      correlationId: 'corr-1',
    });
  });

  it('does not let a problem override its content type', () => {
    const response = toProblemResponse(
      httpError('conflict', undefined, { headers: { 'content-type': 'text/html' } }),
      context,
    );
    expect((response.headers as Record<string, string>)['content-type']).toBe(
      'application/problem+json',
    );
  });

  it.each([
    [new TypeError('x is undefined')],
    ['a string'],
    [{ stack: 'at secret.ts:1' }],
    [undefined],
  ])('turns %j into a generic 500 and logs it', (thrown) => {
    logs = captureLogs();
    const response = toProblemResponse(thrown, context);
    expect(response.status).toBe(500);
    expect(String(response.body)).not.toMatch(/secret|undefined|TypeError/);
    expect(logs.records).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'unhandled error while handling the request',
      }),
    ]);
  });

  it('logs a 5xx HttpProblem but not a 4xx one', () => {
    logs = captureLogs();
    toProblemResponse(httpError('notFound'), context);
    expect(logs.records).toEqual([]);
    toProblemResponse(httpError('serviceUnavailable', 'Upstream down'), context);
    expect(logs.records).toHaveLength(1);
  });
});
