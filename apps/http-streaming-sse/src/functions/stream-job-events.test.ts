import type { HttpResponseInit } from '@azure/functions';
import { PROBLEM_CONTENT_TYPE } from '@cookbook/http-kit';
import { createFakeHttpRequest, createFakeInvocationContext } from '@cookbook/http-kit/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { jobs } from '../jobs/job-store.js';
import { streamJobEvents } from './stream-job-events.js';

const decoder = new TextDecoder();

async function openEvents(id: string, headers: Record<string, string> = {}) {
  const request = createFakeHttpRequest({
    url: `http://localhost:7071/api/jobs/${id}/events`,
    params: { id },
    headers: { 'x-correlation-id': 'sse-test', ...headers },
  });
  const invocation = createFakeInvocationContext({ functionName: 'streamJobEvents' });
  const init: HttpResponseInit = await streamJobEvents.handle(request, invocation);
  return { init, invocation, headers: new Headers(init.headers as Record<string, string>) };
}

async function readText(body: unknown): Promise<string> {
  let text = '';
  for await (const chunk of body as ReadableStream<Uint8Array>) text += decoder.decode(chunk);
  return text;
}

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const { value, done } = await reader.read();
  return done ? '<end>' : decoder.decode(value);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('GET /api/jobs/{id}/events', () => {
  it('streams retry, one progress event per step with its id, completed, then ends', async () => {
    const job = jobs.create(2, 0);
    const { init, headers } = await openEvents(job.id);
    expect(init.status).toBe(200);
    expect(headers.get('content-type')).toBe('text/event-stream');
    expect(headers.get('cache-control')).toBe('no-cache');
    expect(headers.get('x-correlation-id')).toBe('sse-test');
    expect(await readText(init.body)).toBe(
      'retry: 3000\n\n' +
        `id: 1\nevent: progress\ndata: {"jobId":"${job.id}","step":1,"steps":2,"percent":50}\n\n` +
        `id: 2\nevent: progress\ndata: {"jobId":"${job.id}","step":2,"steps":2,"percent":100}\n\n` +
        `id: 3\nevent: completed\ndata: {"jobId":"${job.id}","steps":2}\n\n`,
    );
    expect(jobs.view(job).state).toBe('completed');
  });

  it('resumes after Last-Event-ID', async () => {
    const job = jobs.create(3, 0);
    const { init } = await openEvents(job.id, { 'last-event-id': '2' });
    const text = await readText(init.body);
    expect([...text.matchAll(/^id: (\d+)$/gm)].map((match) => match[1])).toEqual(['3', '4']);
  });

  it('answers 204 to a client that already saw completed, so EventSource stops reconnecting', async () => {
    const job = jobs.create(2, 0);
    const { init } = await openEvents(job.id, { 'last-event-id': '3' });
    expect(init.status).toBe(204);
    expect(init.body).toBeUndefined();
  });

  it('answers a Last-Event-ID that is not an id of this stream with a 422 problem', async () => {
    const job = jobs.create(2, 0);
    for (const lastEventId of ['abc', '-1', '1.5', '4']) {
      const { init, headers } = await openEvents(job.id, { 'last-event-id': lastEventId });
      expect(init.status).toBe(422);
      expect(headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
      expect(JSON.parse(String(init.body))).toMatchObject({
        status: 422,
        errors: [{ pointer: '/headers/last-event-id' }],
      });
    }
  });

  it('answers an unknown job with a 404 problem and a malformed id with a 422 problem', async () => {
    const unknown = await openEvents('6f1c2a1e-8d1b-4c47-9a0e-6b7f1e1f2a3b');
    expect(unknown.init.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect((await openEvents('not-a-job')).init.status).toBe(422);
  });

  it('sends a heartbeat comment while a step is slower than the heartbeat', async () => {
    vi.useFakeTimers();
    const job = jobs.create(1, 40_000);
    const { init } = await openEvents(job.id);
    const reader = (init.body as ReadableStream<Uint8Array>).getReader();
    expect(await readChunk(reader)).toBe('retry: 3000\n\n');
    const next = readChunk(reader);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await next).toBe(': heartbeat\n\n');
    const again = readChunk(reader);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await again).toBe(': heartbeat\n\n');
    const event = readChunk(reader);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await event).toMatch(/^id: 1\nevent: progress\n/);
    await reader.cancel();
  });

  it('works only while read: a cancelled stream stops the job where it is, and logs how it ended', async () => {
    vi.useFakeTimers();
    const job = jobs.create(10, 1_000);
    const { init, invocation } = await openEvents(job.id);
    const reader = (init.body as ReadableStream<Uint8Array>).getReader();
    await readChunk(reader); // retry
    const first = readChunk(reader);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await first).toMatch(/^id: 1\n/);
    expect(jobs.view(job)).toMatchObject({ state: 'running', listeners: 1, completedSteps: 1 });
    // not reading: nothing more is worked
    await vi.advanceTimersByTimeAsync(5_000);
    expect(job.completedSteps).toBe(1);
    const second = readChunk(reader);
    await vi.advanceTimersByTimeAsync(500);
    await reader.cancel();
    await second.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(jobs.view(job)).toMatchObject({ state: 'paused', listeners: 0, completedSteps: 1 });
    const ended = invocation.logs.find((entry) =>
      entry.message.includes('Job events stream ended'),
    );
    expect(ended?.message).toContain('"outcome":"client-gone"');
    expect(ended?.message).toContain('"correlationId":"sse-test"');
  });
});
