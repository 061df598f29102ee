import { describe, expect, it } from 'vitest';

import {
  headerValueProblem,
  isHeaderName,
  unsendableResponseProblem,
} from './header-validation.js';

describe('header validation (what Node and Kestrel refuse to write)', () => {
  it('accepts RFC 9110 tokens as names and rejects spaces, colons and non-ASCII', () => {
    expect(['x-a', 'Set-Cookie', "a!#$%&'*+-.^_`|~9"].every(isHeaderName)).toBe(true);
    expect(['', 'a b', 'a:b', 'é', 'a\nb'].some(isHeaderName)).toBe(false);
  });

  it('accepts tabs and Latin-1 in values; rejects CR, LF, controls and characters above U+00FF', () => {
    expect(headerValueProblem('a\tb café')).toBeUndefined();
    expect(headerValueProblem('a\r\nb')).toMatch(/CR or LF/);
    expect(headerValueProblem('a\u0000b')).toMatch(/control/);
    expect(headerValueProblem('日')).toMatch(/Latin-1/);
  });

  it('names the first problem of a whole response', () => {
    expect(unsendableResponseProblem('OK', [['x', ['1']]])).toBeUndefined();
    expect(unsendableResponseProblem('O\nK', [])).toMatch(/reason phrase/);
    expect(unsendableResponseProblem('OK', [['x', ['1', '\u2713']]])).toMatch(/header "x"/);
  });
});
