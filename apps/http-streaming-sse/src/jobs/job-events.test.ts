import { describe, expect, it } from 'vitest';

import { completedEventId, jobEvents, type JobStreamSummary } from './job-events.js';
import { JobStore } from './job-store.js';

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('jobEvents', () => {
  it('sends one progress event per step, ids 1…n, then completed with id n + 1', async () => {
    const store = new JobStore();
    const job = store.create(2, 0);
    const summaries: JobStreamSummary[] = [];
    const events = await collect(
      jobEvents(store, job, 0, (s) => summaries.push(s))(new AbortController().signal),
    );
    expect(events).toEqual([
      { id: '1', event: 'progress', data: { jobId: job.id, step: 1, steps: 2, percent: 50 } },
      { id: '2', event: 'progress', data: { jobId: job.id, step: 2, steps: 2, percent: 100 } },
      { id: '3', event: 'completed', data: { jobId: job.id, steps: 2 } },
    ]);
    expect(completedEventId(job)).toBe(3);
    expect(summaries).toEqual([{ eventsSent: 3, outcome: 'completed' }]);
    expect(job.listeners).toBe(0);
  });

  it('resumes after the last event id, replaying steps already done without working them again', async () => {
    const store = new JobStore();
    const job = store.create(3, 0);
    job.completedSteps = 2;
    const events = (await collect(
      jobEvents(store, job, 1, () => undefined)(new AbortController().signal),
    )) as { id: string }[];
    expect(events.map((event) => event.id)).toEqual(['2', '3', '4']);
    expect(job.completedSteps).toBe(3);
  });

  it('counts the listener in while it streams, and out with outcome client-gone when stopped', async () => {
    const store = new JobStore();
    const job = store.create(3, 60_000);
    job.completedSteps = 1;
    const summaries: JobStreamSummary[] = [];
    const stop = new AbortController();
    const iterator = jobEvents(store, job, 0, (s) => summaries.push(s))(stop.signal);
    expect((await iterator.next()).value).toMatchObject({ id: '1' });
    expect(job.listeners).toBe(1);
    const waiting = iterator.next();
    stop.abort(new Error('client gone'));
    await expect(waiting).rejects.toThrow('client gone');
    expect(job.listeners).toBe(0);
    expect(summaries).toEqual([{ eventsSent: 1, outcome: 'client-gone' }]);
    expect(job.completedSteps).toBe(1);
  });
});
