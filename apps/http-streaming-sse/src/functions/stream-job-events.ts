import {
  defineStreamRoute,
  EVENT_STREAM_CONTENT_TYPE,
  httpError,
  streamResponse,
  toEventStream,
} from '@cookbook/http-kit';
import * as z from 'zod';

import { completedEventId, jobEvents } from '../jobs/job-events.js';
import { jobs } from '../jobs/job-store.js';
import { settings } from '../settings.js';
import { JobParamsSchema } from './get-job.js';

/** Event ids are step numbers: 0 (nothing seen) … steps + 1 (the `completed` event). */
const LastEventIdSchema = z
  .string()
  .regex(/^\d{1,7}$/, 'Last-Event-ID must be an event id of this stream (digits)')
  .transform(Number)
  .describe('The id of the last event received; the stream resumes after it');

/**
 * GET /api/jobs/{id}/events → 200 text/event-stream: `retry:`, one `progress` event per step
 * (`id:` = step), `completed`, then the end; `: heartbeat` while a step is slower than the
 * heartbeat. `Last-Event-ID` resumes after that event; after `completed` it gets 204, which tells
 * EventSource to stop reconnecting.
 */
export const streamJobEvents = defineStreamRoute({
  name: 'streamJobEvents',
  methods: ['GET'],
  route: 'jobs/{id}/events',
  authLevel: 'function',
  summary: "Stream a job's progress as server-sent events",
  tags: ['Jobs'],
  request: {
    params: JobParamsSchema,
    headers: z.object({
      'last-event-id': LastEventIdSchema.optional(),
    }),
  },
  responses: {
    200: streamResponse({
      description: 'Progress events until the job completes',
      contentType: EVENT_STREAM_CONTENT_TYPE,
      headers: z.object({ 'cache-control': z.literal('no-cache') }),
    }),
    204: { description: 'The job completed and the client saw it: nothing more to send' },
    404: { description: 'No such job on this instance' },
  },
  handler: ({ params, headers }, { requestContext }) => {
    const job = jobs.get(params.id);
    if (!job) throw httpError('notFound', `No job has the id "${params.id}".`);
    const lastEventId = headers['last-event-id'] ?? 0;
    if (lastEventId > completedEventId(job)) {
      throw httpError('validationFailed', 'Last-Event-ID is past the end of this job.', {
        errors: [
          {
            pointer: '/headers/last-event-id',
            message: `must be at most ${completedEventId(job)} for this job`,
          },
        ],
      });
    }
    if (lastEventId === completedEventId(job)) return { status: 204 };
    const source = jobEvents(jobs, job, lastEventId, ({ eventsSent, outcome }) => {
      requestContext.logger.info(
        { jobId: job.id, lastEventId, eventsSent, outcome, completedSteps: job.completedSteps },
        'Job events stream ended',
      );
    });
    const body = toEventStream(source, {
      heartbeatMs: settings.SSE_HEARTBEAT_MS,
      retryMs: settings.SSE_RETRY_MS,
    });
    return { status: 200, body, headers: { 'cache-control': 'no-cache' } };
  },
});
