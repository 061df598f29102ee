import { defineRoute, httpError } from '@cookbook/http-kit';
import * as z from 'zod';

import { jobs, JobSchema } from '../jobs/job-store.js';

export const JobParamsSchema = z.object({ id: z.uuid().describe('The job id') });

/** GET /api/jobs/{id} → 200 the job's progress and listeners; 404 when this instance has no such job. */
export const getJob = defineRoute({
  name: 'getJob',
  methods: ['GET'],
  route: 'jobs/{id}',
  authLevel: 'function',
  summary: 'Read a job: steps done, state, open event streams',
  tags: ['Jobs'],
  request: { params: JobParamsSchema },
  responses: {
    200: { description: 'The job', schema: JobSchema },
    404: { description: 'No such job on this instance' },
  },
  handler: ({ params }) => {
    const job = jobs.get(params.id);
    if (!job) throw httpError('notFound', `No job has the id "${params.id}".`);
    return { status: 200, body: jobs.view(job) };
  },
});
