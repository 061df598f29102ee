import { pino } from 'pino';
import { describe, expect, it } from 'vitest';

import { plainLineJson } from './plain-line-json.js';

// What pino itself writes for these fields: the members between `"level":…` and `"msg"`.
function pinoMembers(fields: object): string {
  let line = '';
  const logger = pino(
    { base: null, timestamp: false },
    { write: (chunk: string) => (line = chunk) },
  );
  logger.info(fields, 'm');
  return line.slice('{"level":30'.length, line.lastIndexOf(',"msg":'));
}

describe('plainLineJson', () => {
  it.each([
    [{ item_id: '42', status: 200, in_stock: true, gone: null }],
    [{ id: 'a.b:c-d_1', empty: '', routed_by: 'azure-api-management' }],
    [{ quote: 'say "hi"', backslash: 'C:\\temp', tab: 'a\tb', newline: 'a\nb', nul: 'a\u0000b' }],
    [{ unicode: 'ünïcödé €', emoji: '🙂', separator: 'a\u2028b', del: 'a\u007fb' }],
    [{ nan: Number.NaN, infinity: Number.POSITIVE_INFINITY, negativeZero: -0, big: 1e21 }],
    [{ skipped: undefined, fn: () => 1, kept: 'x' }],
    [{ 'odd "key"': 'v', ключ: 1 }],
    [{}],
  ])('writes exactly the members pino writes for %j', (fields) => {
    expect(plainLineJson(fields)).toBe(pinoMembers(fields));
  });

  it.each([
    ['a nested object', { price: { amount: '1.00' } }],
    ['an array', { tags: ['a'] }],
    ['a Date', { at: new Date(0) }],
    ['a secret-named key', { clientSecret: 'abc' }],
    ['a query container', { query: 'code=abc' }],
    ['a URL with a key', { url: 'https://x.test/api?code=abc' }],
    ['a bearer credential', { note: 'Bearer abcdefghijkl' }],
    ['a lone surrogate', { text: 'a\ud800b' }],
    ['a bigint', { count: 1n }],
    [
      'a class instance',
      new (class Fields {
        a = 1;
      })(),
    ],
  ])('leaves %s to the full redaction walk (undefined)', (_name, fields) => {
    expect(plainLineJson(fields)).toBeUndefined();
  });
});
