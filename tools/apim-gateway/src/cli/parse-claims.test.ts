import { describe, expect, it } from 'vitest';

import { parseClaims } from './parse-claims.js';
import { UsageError } from './usage-error.js';

describe('parseClaims (token --claim)', () => {
  it('parses JSON literals, keeps plain text, and collects repeated names into arrays', () => {
    expect(
      parseClaims([
        'roles=reader',
        'roles=writer',
        'level=3',
        'admin=true',
        'scp=read write',
        'obj={"a":1}',
      ]),
    ).toEqual({
      roles: ['reader', 'writer'],
      level: 3,
      admin: true,
      scp: 'read write',
      obj: { a: 1 },
    });
  });

  it('rejects a pair without a name', () => {
    expect(() => parseClaims(['=x'])).toThrow(UsageError);
    expect(() => parseClaims(['novalue'])).toThrow(/name=value/);
  });
});
