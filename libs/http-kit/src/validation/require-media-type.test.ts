import { describe, expect, it } from 'vitest';

import type { RequestContext } from '../context/request-context.js';
import { HttpProblem } from '../errors/http-problem.js';
import { createFakeHttpRequest } from '../testing/fake-http-request.js';
import { MERGE_PATCH_CONTENT_TYPE } from './merge-patch.js';
import { requiredMediaTypeOf, requireMediaType } from './require-media-type.js';

const check = requireMediaType(MERGE_PATCH_CONTENT_TYPE);
const run = (method: string, contentType?: string): unknown => {
  const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
  return check(createFakeHttpRequest({ method, headers }), {} as RequestContext);
};

describe('requireMediaType', () => {
  it('accepts the media type in any case, with parameters', () => {
    expect(run('PATCH', 'Application/Merge-Patch+JSON; charset=utf-8')).toBe(
      MERGE_PATCH_CONTENT_TYPE,
    );
  });

  it.each([['application/json'], ['text/plain'], [undefined]])(
    'answers %s with 415 and, for PATCH, Accept-Patch (RFC 5789 §2.2)',
    (contentType) => {
      let problem: unknown;
      try {
        run('PATCH', contentType);
      } catch (error) {
        problem = error;
      }
      expect(problem).toBeInstanceOf(HttpProblem);
      expect((problem as HttpProblem).status).toBe(415);
      expect((problem as HttpProblem).headers).toEqual({
        'accept-patch': MERGE_PATCH_CONTENT_TYPE,
      });
    },
  );

  it('sends no Accept-Patch for other methods', () => {
    expect(() => run('POST', 'text/plain')).toThrow(HttpProblem);
    try {
      run('POST', 'text/plain');
    } catch (error) {
      expect((error as HttpProblem).headers).toBeUndefined();
    }
  });
});

describe('requiredMediaTypeOf', () => {
  it('finds the media type a route context demands, for the OpenAPI request body', () => {
    expect(requiredMediaTypeOf({ other: () => 1, mediaType: check })).toBe(
      MERGE_PATCH_CONTENT_TYPE,
    );
    expect(requiredMediaTypeOf({ other: () => 1 })).toBeUndefined();
    expect(requiredMediaTypeOf(undefined)).toBeUndefined();
  });
});
