import { describe, expect, it } from 'vitest';

import { computeEtag, etagMatches } from './etag.js';

describe('ETag', () => {
  it('is a strong, quoted validator that changes with the body', () => {
    const etag = computeEtag('{"a":1}');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(computeEtag(new TextEncoder().encode('{"a":1}'))).toBe(etag);
    expect(computeEtag('{"a":2}')).not.toBe(etag);
  });

  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abcd"', false],
    ['', false],
    [null, false],
  ])('If-None-Match %j matches "abc": %s (RFC 9110 weak comparison)', (header, expected) => {
    expect(etagMatches(header, '"abc"')).toBe(expected);
  });
});
