import { setTimeout as delay } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { getLogContext, getLogSink, getScopeValue, runWithLogContext } from './log-context.js';

describe('runWithLogContext', () => {
  it('returns the callback result and has no context outside', () => {
    expect(runWithLogContext({ invocationId: 'a' }, () => 42)).toBe(42);
    expect(getLogContext()).toBeUndefined();
    expect(getLogSink()).toBeUndefined();
  });

  it('keeps the context across awaits', async () => {
    const seen = await runWithLogContext({ correlationId: 'c-1' }, async () => {
      await delay(1);
      return getLogContext();
    });
    expect(seen).toEqual({ correlationId: 'c-1' });
  });

  it('isolates concurrent invocations (the Functions worker runs them interleaved)', async () => {
    const run = (id: string, wait: number): Promise<string | undefined> =>
      runWithLogContext({ invocationId: id }, async () => {
        await delay(wait);
        return getLogContext()?.invocationId;
      });
    expect(await Promise.all([run('first', 20), run('second', 1)])).toEqual(['first', 'second']);
  });

  it('merges nested scopes, ignores undefined fields and inherits the sink', () => {
    const sink = (): void => undefined;
    runWithLogContext(
      { invocationId: 'i', correlationId: 'outer' },
      () => {
        runWithLogContext({ correlationId: 'inner', traceId: undefined, userId: 'u' }, () => {
          expect(getLogContext()).toEqual({
            invocationId: 'i',
            correlationId: 'inner',
            userId: 'u',
          });
          expect(getLogSink()).toBe(sink);
        });
        expect(getLogContext()).toEqual({ invocationId: 'i', correlationId: 'outer' });
      },
      { sink },
    );
  });

  it('hands out copies so callers cannot change the scope', () => {
    runWithLogContext({ correlationId: 'c' }, () => {
      const copy = getLogContext();
      if (copy) copy.correlationId = 'changed';
      expect(getLogContext()?.correlationId).toBe('c');
    });
  });

  it("carries other libraries' values in the same scope, inherited and overridable", async () => {
    const first = Symbol('first');
    const second = Symbol('second');
    expect(getScopeValue(first)).toBeUndefined();
    await runWithLogContext(
      {},
      async () => {
        await delay(1);
        expect(getScopeValue(first)).toBe(1);
        runWithLogContext({ userId: 'u' }, () => {
          expect(getScopeValue(first)).toBe(1);
          runWithLogContext(
            {},
            () => {
              expect(getScopeValue(first)).toBe(3);
              expect(getScopeValue(second)).toBe(2);
            },
            { values: { [first]: 3, [second]: 2 } },
          );
        });
      },
      { values: { [first]: 1 } },
    );
  });
});
