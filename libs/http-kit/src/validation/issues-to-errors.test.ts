import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { issuesToErrors, toJsonPointer } from './issues-to-errors.js';

describe('issuesToErrors', () => {
  it('escapes "~" and "/" in pointer tokens (RFC 6901)', () => {
    expect(toJsonPointer(['body', 'a/b', 'm~n', 0])).toBe('/body/a~1b/m~0n/0');
  });

  it('gives each unrecognized key its own pointer', () => {
    const result = z.strictObject({ a: z.string() }).safeParse({ a: 'x', b: 1, c: 2 });
    expect(issuesToErrors('query', result.error?.issues ?? [])).toEqual([
      { pointer: '/query/b', message: 'Unrecognized key' },
      { pointer: '/query/c', message: 'Unrecognized key' },
    ]);
  });

  it('caps the number of errors', () => {
    const result = z.array(z.string()).safeParse(Array.from({ length: 200 }, () => 1));
    expect(issuesToErrors('body', result.error?.issues ?? [])).toHaveLength(50);
  });
});
