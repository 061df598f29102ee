import { describe, expect, it } from 'vitest';

import { contextFields, mergeWithContext } from './context-mixin.js';
import { runWithLogContext } from './log-context.js';

describe('contextFields', () => {
  it('is empty outside a scope', () => {
    expect(contextFields()).toEqual({});
  });

  it('redacts a scope once and reuses the result for every line of that scope', () => {
    runWithLogContext({ correlationId: 'c', authToken: 't' }, () => {
      const first = contextFields();
      expect(first).toEqual({ correlationId: 'c', authToken: '[Redacted]' });
      expect(contextFields()).toBe(first);
      runWithLogContext({ userId: 'u' }, () => {
        expect(contextFields()).toEqual({
          correlationId: 'c',
          authToken: '[Redacted]',
          userId: 'u',
        });
      });
    });
  });
});

describe('mergeWithContext', () => {
  it('puts context first, lets the line win, and redacts the line', () => {
    const merged = mergeWithContext(
      { correlationId: 'own', password: 'p' },
      { correlationId: 'ctx', traceId: 't' },
    );
    expect(merged).toEqual({ correlationId: 'own', traceId: 't', password: '[Redacted]' });
    expect(Object.keys(merged)).toEqual(['correlationId', 'traceId', 'password']);
  });
});
