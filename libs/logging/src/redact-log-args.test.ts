import { describe, expect, it } from 'vitest';

import { redactLogArgs } from './redact-log-args.js';

describe('redactLogArgs', () => {
  it('scrubs a message given alone or after an object, and printf arguments', () => {
    expect(redactLogArgs(['GET /api?code=k'])).toEqual(['GET /api?code=[Redacted]']);
    const fields = { a: 1 };
    expect(redactLogArgs([fields, 'to %s', '/api?code=k', { secret: 's' }])).toEqual([
      fields,
      'to %s',
      '/api?code=[Redacted]',
      { secret: '[Redacted]' },
    ]);
  });

  it('makes an error message explicit so the copy pino puts in msg is scrubbed', () => {
    const error = new Error('failed /api?code=k');
    expect(redactLogArgs([error])).toEqual([error, 'failed /api?code=[Redacted]']);
    expect(redactLogArgs([{ err: error }])).toEqual([
      { err: error },
      'failed /api?code=[Redacted]',
    ]);
  });

  it('keeps an explicit message or msg field', () => {
    const error = new Error('x');
    expect(redactLogArgs([error, 'own message'])).toEqual([error, 'own message']);
    expect(redactLogArgs([{ err: error, msg: 'm' }])).toEqual([{ err: error, msg: 'm' }]);
  });
});
