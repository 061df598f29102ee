import { randomUUID } from 'node:crypto';

import * as z from 'zod';

/** Bounds of a simulated job. */
export const MAX_STEPS = 100;
export const MAX_STEP_MS = 10_000;
/** Jobs kept per instance; the oldest goes first. */
export const MAX_JOBS = 1_000;

/** What a job is doing: `running` only while someone listens to its events. */
export const JobStateSchema = z.enum(['pending', 'running', 'paused', 'completed']);

/** A job as the API shows it. */
export const JobSchema = z
  .object({
    id: z.uuid(),
    steps: z.number().int(),
    stepMs: z.number().int(),
    completedSteps: z.number().int(),
    state: JobStateSchema,
    listeners: z.number().int().describe('Event streams open on this job right now'),
    events: z.string().describe('Where its progress streams (text/event-stream)'),
  })
  .meta({ id: 'Job' });

export type JobView = z.output<typeof JobSchema>;

/** One job's state on this instance. */
export interface Job {
  readonly id: string;
  readonly steps: number;
  readonly stepMs: number;
  completedSteps: number;
  listeners: number;
  /** The step being worked on, shared by every listener. */
  inFlight: { readonly done: Promise<void>; readonly stop: AbortController } | undefined;
}

// The simulated work of one step: a timer that stops when the step is stopped.
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}

function untilAborted(work: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

/**
 * Simulated jobs whose steps run only while someone listens: the event stream asks for the next
 * step when its reader wants the next event, and the step in progress stops when the last
 * listener leaves. In memory, per instance (see the page for what production needs instead).
 */
export class JobStore {
  readonly #jobs = new Map<string, Job>();
  readonly #maxJobs: number;

  constructor(maxJobs = MAX_JOBS) {
    this.#maxJobs = maxJobs;
  }

  create(steps: number, stepMs: number): Job {
    if (this.#jobs.size >= this.#maxJobs) {
      const oldest = this.#jobs.keys().next().value;
      if (oldest !== undefined) this.#jobs.delete(oldest);
    }
    const job: Job = {
      id: randomUUID(),
      steps,
      stepMs,
      completedSteps: 0,
      listeners: 0,
      inFlight: undefined,
    };
    this.#jobs.set(job.id, job);
    return job;
  }

  get(id: string): Job | undefined {
    return this.#jobs.get(id);
  }

  view(job: Job): JobView {
    return {
      id: job.id,
      steps: job.steps,
      stepMs: job.stepMs,
      completedSteps: job.completedSteps,
      state: stateOf(job),
      listeners: job.listeners,
      events: `/api/jobs/${job.id}/events`,
    };
  }

  /** Counts a listener in; the returned function counts it out (and stops the step if it was the last). */
  listen(job: Job): () => void {
    job.listeners += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      job.listeners -= 1;
      if (job.listeners === 0) job.inFlight?.stop.abort(new Error('Nobody listens any more.'));
    };
  }

  /** Resolves once the next step is done (started now, or joined if another listener started it). */
  runNextStep(job: Job, signal: AbortSignal): Promise<void> {
    if (job.completedSteps >= job.steps) return Promise.resolve();
    if (!job.inFlight) {
      const stop = new AbortController();
      const done = sleep(job.stepMs, stop.signal).then(
        () => {
          job.completedSteps += 1;
        },
        () => undefined, // stopped: the step did not happen, the next listener starts it again
      );
      const inFlight = { done, stop };
      job.inFlight = inFlight;
      void done.finally(() => {
        if (job.inFlight === inFlight) job.inFlight = undefined;
      });
    }
    return untilAborted(job.inFlight.done, signal);
  }
}

function stateOf(job: Job): z.output<typeof JobStateSchema> {
  if (job.completedSteps >= job.steps) return 'completed';
  if (job.listeners > 0) return 'running';
  return job.completedSteps > 0 ? 'paused' : 'pending';
}

/** This instance's jobs. */
export const jobs = new JobStore();
