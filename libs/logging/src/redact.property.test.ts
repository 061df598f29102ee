import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createLogger } from './create-logger.js';
import { runWithLogContext } from './log-context.js';

const SECRET = 'S3cr3t-Value-9f2c';

const secretKey = fc.constantFrom(
  'authorization',
  'Authorization',
  'cookie',
  'Set-Cookie',
  'x-functions-key',
  'Ocp-Apim-Subscription-Key',
  'password',
  'clientSecret',
  'access_token',
  'refreshToken',
  'apiKey',
);
const plainKey = fc.constantFrom('item_id', 'routed_by', 'cache_status', 'headers', 'body', 'data');
const plainValue = fc.oneof(fc.integer(), fc.boolean(), fc.constantFrom('hit', 'miss', 'GET'));

// an object tree (at most 6 deep, inside the default bound of 8) with the secret somewhere
const withSecret: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    fc
      .tuple(secretKey, fc.dictionary(plainKey, plainValue))
      .map(([key, rest]) => ({ ...rest, [key]: SECRET })),
    fc
      .tuple(plainKey, tie('node'), fc.dictionary(plainKey, plainValue))
      .map(([key, child, rest]) => ({ ...rest, [key]: child })),
    fc
      .tuple(tie('node'), fc.array(plainValue, { maxLength: 3 }))
      .map(([child, rest]) => [...rest, child]),
    fc.constantFrom(
      `https://f.azurewebsites.net/api/items?code=${SECRET}`,
      { query: { code: SECRET } },
      `Bearer ${SECRET}`,
    ),
  ),
})).node;

describe('redaction property: a secret never reaches the output', () => {
  it('holds for secrets under secret-named keys, ?code= and bearer tokens at any depth up to 6', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (line) => lines.push(line) },
    });
    fc.assert(
      fc.property(withSecret, withSecret, (fields, contextValue) => {
        lines.length = 0;
        runWithLogContext({ correlationId: 'c-1', extra: contextValue }, () =>
          logger.info({ payload: fields }, 'line'),
        );
        expect(lines).toHaveLength(1);
        expect(lines[0]).not.toContain(SECRET);
        expect(JSON.parse(lines[0] ?? '')).toMatchObject({ correlationId: 'c-1' });
      }),
      { numRuns: 300 },
    );
  });
});
