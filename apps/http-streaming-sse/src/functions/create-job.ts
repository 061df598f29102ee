import { defineRoute } from '@cookbook/http-kit';
import * as z from 'zod';

import { jobs, JobSchema, MAX_STEP_MS, MAX_STEPS } from '../jobs/job-store.js';

export const CreateJobSchema = z
  .strictObject({
    steps: z.number().int().min(1).max(MAX_STEPS).default(5).describe('Steps the job has'),
    stepMs: z
      .number()
      .int()
      .min(0)
      .max(MAX_STEP_MS)
      .default(500)
      .describe('Milliseconds one simulated step takes'),
  })
  .meta({ id: 'CreateJob' });

/** POST /api/jobs {"steps":3} → 201 the job; nothing runs until someone reads its events. */
export const createJob = defineRoute({
  name: 'createJob',
  methods: ['POST'],
  route: 'jobs',
  authLevel: 'function',
  summary: 'Create a simulated job',
  tags: ['Jobs'],
  request: { body: CreateJobSchema.default({ steps: 5, stepMs: 500 }) },
  responses: {
    201: {
      description: 'The job; its steps run while its events are read',
      schema: JobSchema,
      headers: z.object({ location: z.string() }),
    },
  },
  handler: ({ body }) => {
    const job = jobs.create(body.steps, body.stepMs);
    return { status: 201, body: jobs.view(job), headers: { location: `/api/jobs/${job.id}` } };
  },
});
