import type { ServerSentEvent } from '@cookbook/http-kit';

import type { Job, JobStore } from './job-store.js';

/** How a job's event stream ended, for the recipe's log line. */
export interface JobStreamSummary {
  readonly eventsSent: number;
  readonly outcome: 'completed' | 'client-gone';
}

/** The id of the `completed` event: one past the last step, so a resumed client asks for nothing more. */
export function completedEventId(job: Job): number {
  return job.steps + 1;
}

function progress(job: Job, step: number): ServerSentEvent {
  const percent = Math.round((step / job.steps) * 100);
  return {
    id: String(step),
    event: 'progress',
    data: { jobId: job.id, step, steps: job.steps, percent },
  };
}

function completed(job: Job): ServerSentEvent {
  return {
    id: String(completedEventId(job)),
    event: 'completed',
    data: { jobId: job.id, steps: job.steps },
  };
}

/**
 * The job's events after `lastEventId` (0: from the start): one `progress` per step, each step
 * worked only when the stream's reader asks for it, then `completed`. Steps already done are
 * replayed from the job's state, so a resumed client sees each id once.
 */
export function jobEvents(
  store: JobStore,
  job: Job,
  lastEventId: number,
  onEnd: (summary: JobStreamSummary) => void,
): (signal: AbortSignal) => AsyncGenerator<ServerSentEvent> {
  return async function* events(signal) {
    const release = store.listen(job);
    let eventsSent = 0;
    let outcome: JobStreamSummary['outcome'] = 'client-gone';
    try {
      for (let step = lastEventId + 1; step <= job.steps; step += 1) {
        while (job.completedSteps < step) await store.runNextStep(job, signal);
        yield progress(job, step);
        eventsSent += 1;
      }
      yield completed(job);
      eventsSent += 1;
      outcome = 'completed';
    } finally {
      release();
      onEnd({ eventsSent, outcome });
    }
  };
}
