import { afterEach, describe, expect, it, vi } from 'vitest';

import { JobStore } from './job-store.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('JobStore', () => {
  it('creates a pending job that shows where its events stream', () => {
    const store = new JobStore();
    const job = store.create(3, 100);
    expect(store.view(job)).toEqual({
      id: job.id,
      steps: 3,
      stepMs: 100,
      completedSteps: 0,
      state: 'pending',
      listeners: 0,
      events: `/api/jobs/${job.id}/events`,
    });
    expect(store.get(job.id)).toBe(job);
  });

  it('works a step only when asked, and is running only while someone listens', async () => {
    vi.useFakeTimers();
    const store = new JobStore();
    const job = store.create(2, 1_000);
    const release = store.listen(job);
    expect(store.view(job).state).toBe('running');
    const step = store.runNextStep(job, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(999);
    expect(job.completedSteps).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await step;
    expect(job.completedSteps).toBe(1);
    release();
    expect(store.view(job).state).toBe('paused');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(job.completedSteps).toBe(1);
  });

  it('shares the step in progress between listeners: one step, not two', async () => {
    vi.useFakeTimers();
    const store = new JobStore();
    const job = store.create(5, 1_000);
    store.listen(job);
    store.listen(job);
    const first = store.runNextStep(job, new AbortController().signal);
    const second = store.runNextStep(job, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all([first, second]);
    expect(job.completedSteps).toBe(1);
  });

  it('stops the step in progress when the last listener leaves, so it never completes', async () => {
    vi.useFakeTimers();
    const store = new JobStore();
    const job = store.create(5, 1_000);
    const release = store.listen(job);
    const leaving = new AbortController();
    const step = store.runNextStep(job, leaving.signal);
    await vi.advanceTimersByTimeAsync(500);
    leaving.abort(new Error('client gone'));
    release();
    await expect(step).rejects.toThrow('client gone');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(job.completedSteps).toBe(0);
    expect(job.inFlight).toBeUndefined();
    expect(store.view(job).state).toBe('pending');
  });

  it('keeps the step going while another listener remains', async () => {
    vi.useFakeTimers();
    const store = new JobStore();
    const job = store.create(5, 1_000);
    const releaseFirst = store.listen(job);
    store.listen(job);
    const leaving = new AbortController();
    const first = store.runNextStep(job, leaving.signal);
    const second = store.runNextStep(job, new AbortController().signal);
    leaving.abort(new Error('client gone'));
    releaseFirst();
    await expect(first).rejects.toThrow('client gone');
    await vi.advanceTimersByTimeAsync(1_000);
    await second;
    expect(job.completedSteps).toBe(1);
  });

  it('counts a listener out once, however often it leaves', () => {
    const store = new JobStore();
    const job = store.create(1, 0);
    const release = store.listen(job);
    store.listen(job);
    release();
    release();
    expect(job.listeners).toBe(1);
  });

  it('is completed after its last step, and asking for more does nothing', async () => {
    const store = new JobStore();
    const job = store.create(1, 0);
    await store.runNextStep(job, new AbortController().signal);
    await store.runNextStep(job, new AbortController().signal);
    expect(job.completedSteps).toBe(1);
    expect(store.view(job).state).toBe('completed');
  });

  it('forgets the oldest job when full', () => {
    const store = new JobStore(2);
    const first = store.create(1, 0);
    const second = store.create(1, 0);
    const third = store.create(1, 0);
    expect(store.get(first.id)).toBeUndefined();
    expect(store.get(second.id)).toBe(second);
    expect(store.get(third.id)).toBe(third);
  });
});
