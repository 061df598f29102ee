import { invokeRoute } from '@cookbook/http-kit/testing';
import { describe, expect, it } from 'vitest';

import { createJob } from './create-job.js';
import { getJob } from './get-job.js';

describe('POST /api/jobs and GET /api/jobs/{id}', () => {
  it('creates a pending job with a Location, readable by id', async () => {
    const created = await invokeRoute(createJob, { body: { steps: 3, stepMs: 10 } });
    expect(created.status).toBe(201);
    const job = created.json<{ id: string }>();
    expect(created.headers.get('location')).toBe(`/api/jobs/${job.id}`);
    expect(job).toMatchObject({ steps: 3, stepMs: 10, completedSteps: 0, state: 'pending' });
    const read = await invokeRoute(getJob, { params: { id: job.id } });
    expect(read.json()).toEqual(job);
  });

  it('takes 5 steps of 500 ms without a body', async () => {
    const created = await invokeRoute(createJob, { method: 'POST' });
    expect(created.json()).toMatchObject({ steps: 5, stepMs: 500 });
  });

  it('answers out-of-range or unknown fields with a 422 problem', async () => {
    for (const body of [{ steps: 0 }, { steps: 101 }, { stepMs: 10_001 }, { step: 3 }]) {
      const response = await invokeRoute(createJob, { body });
      expect(response.status).toBe(422);
    }
  });

  it('answers an unknown job with a 404 problem', async () => {
    const response = await invokeRoute(getJob, {
      params: { id: '6f1c2a1e-8d1b-4c47-9a0e-6b7f1e1f2a3b' },
    });
    expect(response.status).toBe(404);
    expect(response.json()).toMatchObject({ status: 404 });
  });
});
