import { describe, expect, it } from 'vitest';

import { ClientAbort } from './client-abort.js';

describe('ClientAbort', () => {
  it('calls each listener once, and only the ones still registered', () => {
    const abort = new ClientAbort();
    const calls: string[] = [];
    const kept = (): number => calls.push('kept');
    const removed = (): number => calls.push('removed');
    abort.onAbort(kept);
    abort.onAbort(removed);
    abort.offAbort(removed);
    expect(abort.aborted).toBe(false);
    abort.abort();
    abort.abort();
    expect(abort.aborted).toBe(true);
    expect(calls).toEqual(['kept']);
  });

  it('takes no listener once aborted', () => {
    const abort = new ClientAbort();
    abort.abort();
    let called = false;
    abort.onAbort(() => (called = true));
    abort.abort();
    expect(called).toBe(false);
  });
});
