import { resolve } from 'node:path';

import { createLocalHost, type LocalHost } from '@cookbook/functions-host';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Host-level, in stream mode: the built app behind the local host, which forwards each request to
// the library's own HTTP proxy the way the Azure host does (app.setup({ enableHttpStream: true })).
const recipeDir = resolve(import.meta.dirname, '..');
let host: LocalHost;

beforeAll(async () => {
  host = await createLocalHost(recipeDir, {
    env: { LOG_FORMAT: 'json', LOG_LEVEL: 'warn', UPLOAD_LIMIT_BYTES: '65536' },
    log: () => undefined,
  });
});
afterAll(() => host.close());

const send = (path: string, init: RequestInit = {}) =>
  host.fetch(new Request(`http://localhost:7071/api/${path}`, init));

async function createJob(steps: number, stepMs: number): Promise<string> {
  const response = await send('jobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ steps, stepMs }),
  });
  return ((await response.json()) as { id: string }).id;
}

const readJob = async (id: string) =>
  (await (await send(`jobs/${id}`)).json()) as { completedSteps: number; state: string };

describe('stream mode on the Functions host', () => {
  it('delivers each event while the job is still running, not once it is done', async () => {
    const id = await createJob(20, 100);
    const response = await send(`jobs/${id}/events`);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('id: 1\n')) text += new TextDecoder().decode((await reader.read()).value);
    expect((await readJob(id)).state).toBe('running');
    await reader.cancel();
  });

  it('stops the job when the client goes away (the library alone would keep reading the stream)', async () => {
    const id = await createJob(50, 50);
    const client = new AbortController();
    const response = await send(`jobs/${id}/events`, { signal: client.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('id: 2\n')) text += new TextDecoder().decode((await reader.read()).value);
    client.abort();
    let job = await readJob(id);
    for (let tries = 0; job.state !== 'paused' && tries < 500; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = await readJob(id);
    }
    expect(job.state).toBe('paused');
    const stoppedAt = job.completedSteps;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await readJob(id)).completedSteps).toBe(stoppedAt);
    expect(stoppedAt).toBeLessThan(50);
  });

  it('hashes a chunked upload (no Content-Length), and answers 413 once one passes the limit', async () => {
    const chunks = (count: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < count; i++) controller.enqueue(new Uint8Array(16_384).fill(97));
          controller.close();
        },
      });
    const ok = await send('uploads', {
      method: 'POST',
      body: chunks(2),
      duplex: 'half',
    } as RequestInit);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ bytes: 32_768 });
    const tooLarge = await send('uploads', {
      method: 'POST',
      body: chunks(8),
      duplex: 'half',
    } as RequestInit);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toBe('application/problem+json');
  });
});
