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
    const serialized = expect.objectContaining({
      type: 'Error',
      message: 'failed /api?code=[Redacted]',
      stack: expect.stringContaining('failed /api?code=[Redacted]'),
    });
    expect(redactLogArgs([error])).toEqual([{ err: serialized }, 'failed /api?code=[Redacted]']);
    expect(redactLogArgs([{ err: error }])).toEqual([
      { err: serialized },
      'failed /api?code=[Redacted]',
    ]);
  });

  it('keeps an explicit message or msg field', () => {
    const error = new Error('x');
    const serialized = expect.objectContaining({ type: 'Error', message: 'x' });
    expect(redactLogArgs([error, 'own message'])).toEqual([{ err: serialized }, 'own message']);
    expect(redactLogArgs([{ err: error, msg: 'm' }])).toEqual([{ err: serialized, msg: 'm' }]);
  });

  it('passes a flat line with nothing to mask through without copying it', () => {
    const fields = { item_id: '42', status: 200, cached: false, none: null };
    expect(redactLogArgs([fields, 'done'])[0]).toBe(fields);
    const risky = { next: '/api?code=k' };
    expect(redactLogArgs([risky, 'done'])[0]).toEqual({ next: '/api?code=[Redacted]' });
  });
});
