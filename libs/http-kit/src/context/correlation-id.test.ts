import { describe, expect, it } from 'vitest';

import { resolveCorrelationId, sanitizeId } from './correlation-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('correlation id', () => {
  it('uses x-correlation-id (set by the APIM policy) first', () => {
    const headers = new Headers({ 'x-correlation-id': 'apim-123', 'x-request-id': 'req-9' });
    expect(resolveCorrelationId(headers)).toBe('apim-123');
  });

  it('falls back to x-request-id', () => {
    expect(resolveCorrelationId(new Headers({ 'x-request-id': 'req-9' }))).toBe('req-9');
  });

  it('skips a hostile x-correlation-id and uses a valid x-request-id', () => {
    const headers = new Headers({ 'x-correlation-id': 'a b', 'x-request-id': 'req-9' });
    expect(resolveCorrelationId(headers)).toBe('req-9');
  });

  it('generates a UUID when no usable header is present', () => {
    expect(resolveCorrelationId(new Headers())).toMatch(UUID);
    expect(resolveCorrelationId(new Headers({ 'x-correlation-id': '' }))).toMatch(UUID);
  });

  it.each([
    ['x'.repeat(129)],
    ['x'.repeat(10_000)],
    ['id\u0001with-control'],
    ['<script>'],
    ['id"quote'],
    ['ünïcode'],
    ['a/b'],
  ])('replaces %j instead of echoing it', (value) => {
    expect(sanitizeId(value)).toBeUndefined();
  });

  it.each(['abc', 'A1.b2_c3:d4-e5', 'x'.repeat(128), '00-0af7651916cd43dd8448eb211c80319c'])(
    'keeps %j',
    (value) => {
      expect(sanitizeId(value)).toBe(value);
    },
  );
});
