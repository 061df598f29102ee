import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { allDevKeys } from './testing/dev-keys.js';
import { apiRequest, useAuthHost } from './testing/use-auth-host.js';

const auth = useAuthHost();

const BODIES = new Set([
  '',
  'This endpoint is public (anonymous).',
  'This endpoint requires a function key.',
  'This endpoint requires the admin/master key.',
]);

// Header values a fetch client can send: Latin-1 without NUL, CR and LF (those never parse).
const headerText = fc.string({
  unit: fc
    .integer({ min: 1, max: 0xff })
    .filter((code) => code !== 0x0a && code !== 0x0d)
    .map((code) => String.fromCharCode(code)),
  maxLength: 80,
});
// A made-up key long and distinctive enough that finding it in a log means it was logged.
const madeUpKey = fc.stringMatching(/^[A-Za-z0-9_-]{16,60}$/);
const key = fc.oneof(
  fc.constantFrom(...allDevKeys),
  madeUpKey,
  headerText,
  fc.constantFrom(...allDevKeys.map((devKey) => ` ${devKey} `)),
);

const call = fc.record({
  path: fc.constantFrom('public', 'protected', 'admin-only', 'PROTECTED', 'Admin-Only'),
  header: fc.option(key, { nil: undefined }),
  codes: fc.array(key, { maxLength: 3 }),
  headerName: fc.constantFrom('x-functions-key', 'X-Functions-Key', 'x-functions-keys', 'code'),
});

describe('any key in any place (property)', () => {
  it('is answered 200 or 401 (never 500), with a known body, and no key reaches a body or a log', async () => {
    await fc.assert(
      fc.asyncProperty(call, async ({ path, header, codes, headerName }) => {
        auth.logs.length = 0;
        const query = codes.map((code) => `code=${encodeURIComponent(code)}`).join('&');
        const headers = header === undefined ? {} : { [headerName]: header };
        const response = await auth.host.fetch(
          apiRequest(`${path}${query ? `?${query}` : ''}`, headers),
        );
        const body = await response.text();
        expect([200, 401]).toContain(response.status);
        expect(BODIES.has(body)).toBe(true);
        const logged = JSON.stringify(auth.logs);
        const presented = [header, ...codes].filter((k): k is string => k !== undefined);
        for (const secret of [...allDevKeys, ...presented.filter((k) => /^[\w-]{16,}$/.test(k))])
          expect(logged).not.toContain(secret);
      }),
      { numRuns: 300 },
    );
  });
});
