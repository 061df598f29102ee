import { setTimeout as sleep } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { setDeadline } from './deadlines.js';

describe('setDeadline', () => {
  it('fires after its duration, not before', async () => {
    const started = performance.now();
    let firedAt = 0;
    setDeadline(30, () => (firedAt = performance.now()));
    await sleep(10);
    expect(firedAt).toBe(0);
    await sleep(60);
    expect(firedAt - started).toBeGreaterThanOrEqual(29);
  });

  it('never fires once cancelled, and the others of that duration still do', async () => {
    const fired: string[] = [];
    const first = setDeadline(20, () => fired.push('first'));
    setDeadline(20, () => fired.push('second'));
    const third = setDeadline(20, () => fired.push('third'));
    first.cancel();
    third.cancel();
    third.cancel();
    await sleep(60);
    expect(fired).toEqual(['second']);
  });

  it('keeps each duration on its own clock, in deadline order', async () => {
    const fired: number[] = [];
    setDeadline(50, () => fired.push(50));
    setDeadline(10, () => fired.push(10));
    setDeadline(30, () => fired.push(30));
    await sleep(90);
    expect(fired).toEqual([10, 30, 50]);
  });

  it('a deadline set after others of its duration were cancelled fires on time', async () => {
    const early = setDeadline(40, () => undefined);
    await sleep(20);
    early.cancel();
    const started = performance.now();
    let firedAt = 0;
    setDeadline(40, () => (firedAt = performance.now()));
    await sleep(90);
    expect(firedAt - started).toBeGreaterThanOrEqual(39);
  });

  it('a callback that sets a deadline of the same duration gets it fired too', async () => {
    const fired: string[] = [];
    setDeadline(15, () => {
      fired.push('outer');
      setDeadline(15, () => fired.push('inner'));
    });
    await sleep(80);
    expect(fired).toEqual(['outer', 'inner']);
  });
});
