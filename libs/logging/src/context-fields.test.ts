import { describe, expect, it } from 'vitest';

import { contextJsonFor, scopeFields } from './context-fields.js';
import { peekLogScope, runWithLogContext } from './log-context.js';

describe('scopeFields', () => {
  it('is empty outside a scope', () => {
    expect(scopeFields(peekLogScope()).json).toBe('');
  });

  it('redacts and serializes a scope once and reuses the result for every line of it', () => {
    runWithLogContext({ correlationId: 'c', authToken: 't' }, () => {
      const first = scopeFields(peekLogScope());
      expect(first.values).toEqual({ correlationId: 'c', authToken: '[Redacted]' });
      expect(first.json).toBe(',"correlationId":"c","authToken":"[Redacted]"');
      expect(scopeFields(peekLogScope())).toBe(first);
      runWithLogContext({ userId: 'u' }, () => {
        expect(JSON.parse(`{${scopeFields(peekLogScope()).json.slice(1)}}`)).toEqual({
          correlationId: 'c',
          authToken: '[Redacted]',
          userId: 'u',
        });
      });
    });
  });

  it('redacts secrets hidden in nested context values and never throws on odd values', () => {
    runWithLogContext({ tenant: { name: 't', clientSecret: 's' }, big: 1n }, () => {
      const fields = scopeFields(peekLogScope());
      expect(fields.json).toBe(
        ',"tenant":{"name":"t","clientSecret":"[Redacted]"},"big":"[Unserializable]"',
      );
    });
  });
});

describe('contextJsonFor', () => {
  it('leaves out the context members a line sets itself', () => {
    runWithLogContext({ correlationId: 'ctx', traceId: 't' }, () => {
      const fields = scopeFields(peekLogScope());
      expect(contextJsonFor(fields, { item: 1 })).toBe(fields.json);
      expect(contextJsonFor(fields, 'message')).toBe(fields.json);
      expect(contextJsonFor(fields, { correlationId: 'own' })).toBe(',"traceId":"t"');
    });
  });
});
