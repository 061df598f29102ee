import { describe, expect, it } from 'vitest';

import { createFakeInvocationContext } from '../testing/fake-invocation-context.js';
import { invocationLogSink } from './invocation-log-sink.js';

describe('invocationLogSink', () => {
  it('maps each pino level to the InvocationContext method the host records', () => {
    const context = createFakeInvocationContext();
    const sink = invocationLogSink(context);
    for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const) {
      sink(level, level);
    }
    expect(context.logs).toEqual([
      { level: 'trace', message: 'trace' },
      { level: 'debug', message: 'debug' },
      { level: 'information', message: 'info' },
      { level: 'warning', message: 'warn' },
      { level: 'error', message: 'error' },
      { level: 'error', message: 'fatal' },
    ]);
  });
});
