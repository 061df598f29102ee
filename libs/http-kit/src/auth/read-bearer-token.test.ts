import { describe, expect, it } from 'vitest';

import { createFakeHttpRequest } from '../testing/fake-http-request.js';
import { readBearerToken } from './read-bearer-token.js';

const read = (headers: Record<string, string>, query?: Record<string, string>) =>
  readBearerToken(createFakeHttpRequest({ headers, ...(query ? { query } : {}) }));

describe('readBearerToken (RFC 6750 §2.1, header only)', () => {
  it('reads the token after "Bearer", scheme case-insensitive (RFC 7235 §2.1)', () => {
    expect(read({ authorization: 'Bearer a.b.c' })).toEqual({ ok: true, token: 'a.b.c' });
    expect(read({ authorization: 'bearer a.b.c' })).toEqual({ ok: true, token: 'a.b.c' });
  });

  it.each([
    [{}, 'missing'],
    [{ authorization: '' }, 'missing'],
    [{ authorization: 'Basic dXNlcjpwYXNz' }, 'wrong scheme'],
    [{ authorization: 'Bearer' }, 'malformed'],
    [{ authorization: 'Bearer a b' }, 'malformed'],
    [{ authorization: 'Bearer a"b' }, 'malformed'],
  ])('refuses %j as %s', (headers, error) => {
    expect(read(headers)).toEqual({ ok: false, error });
  });

  it('never reads access_token from the query string', () => {
    expect(read({}, { access_token: 'a.b.c' })).toEqual({ ok: false, error: 'missing' });
  });
});
