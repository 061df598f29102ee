import { describe, expect, it } from 'vitest';

import { decodePathSegments } from './decode-path.js';
import { formatSetCookie } from './format-set-cookie.js';
import { parseQuery } from './parse-query.js';

describe('decodePathSegments', () => {
  it('decodes escapes except %2F and tolerates invalid ones, like ASP.NET Core Request.Path', () => {
    expect(decodePathSegments('/api/a%20b/c%2Fd/%E2%9C%93/%ZZ/')).toEqual([
      'api',
      'a b',
      'c%2Fd',
      '✓',
      '%ZZ',
    ]);
    expect(decodePathSegments('/')).toEqual([]);
  });

  it('removes dot segments after decoding, like Kestrel (so %2e%2e is "..", %2F is not a separator)', () => {
    expect(decodePathSegments('/api/files/../boom')).toEqual(['api', 'boom']);
    expect(decodePathSegments('/api/files/%2e%2E/boom')).toEqual(['api', 'boom']);
    expect(decodePathSegments('/api/./a/./b/')).toEqual(['api', 'a', 'b']);
    expect(decodePathSegments('/../../api/x')).toEqual(['api', 'x']);
    expect(decodePathSegments('/api/a/..')).toEqual(['api']);
    expect(decodePathSegments('/api/..%2Fboom')).toEqual(['api', '..%2Fboom']);
    expect(decodePathSegments('/api/v1.2/file.txt/')).toEqual(['api', 'v1.2', 'file.txt']);
  });
});

describe('parseQuery', () => {
  it('joins repeated keys with commas and keeps valueless keys (nodejs-library#168)', () => {
    expect([...parseQuery('a=1&a=2&b&=skip&c=%20x+y')]).toEqual([
      ['a', '1,2'],
      ['b', ''],
      ['c', ' x y'],
    ]);
  });
});

describe('formatSetCookie', () => {
  it('writes attributes in ASP.NET Core order with path defaulting to "/"', () => {
    expect(
      formatSetCookie({
        name: 'id',
        value: '1',
        expires: { value: { seconds: 0 } },
        domain: { value: 'example.com' },
        sameSite: 'explicitNone',
        secure: { value: true },
      }),
    ).toBe(
      'id=1; expires=Thu, 01 Jan 1970 00:00:00 GMT; domain=example.com; path=/; secure; samesite=none',
    );
  });
});
