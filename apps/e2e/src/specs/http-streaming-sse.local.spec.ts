import { readFileSync } from 'node:fs';

import { expect, test } from '../fixtures.js';
import { expectProblem } from '../support/expect-problem.js';
import {
  localFunctionsHostKey,
  localGatewayConfigPath,
  localGatewayUrl,
  localHostUrl,
} from '../support/local-recipes.js';

// Server-sent events and streamed uploads, over real sockets: straight to the recipe's local host
// (stream mode, keys enforced) and through its local APIM gateway (buffer-response="false" on the
// events operation). Streams are read with fetch: Playwright's request API buffers whole bodies.
const recipe = 'http-streaming-sse';
const gatewayConfig = JSON.parse(readFileSync(localGatewayConfigPath(recipe), 'utf8')) as {
  subscriptions: { key: string }[];
};

const targets: { name: string; base: string; headers: Record<string, string> }[] = [
  {
    name: 'local host',
    base: localHostUrl(recipe),
    headers: { 'x-functions-key': localFunctionsHostKey },
  },
  {
    name: 'local APIM gateway',
    base: localGatewayUrl(recipe),
    headers: { 'Ocp-Apim-Subscription-Key': gatewayConfig.subscriptions[0]?.key ?? '' },
  },
];

interface Job {
  id: string;
  steps: number;
  completedSteps: number;
  state: 'pending' | 'running' | 'paused' | 'completed';
  listeners: number;
}

const decoder = new TextDecoder();

/** An open event stream, read chunk by chunk as the server sends it. */
class EventStreamReader {
  text = '';
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(response: Response) {
    this.#reader = (response.body as ReadableStream<Uint8Array>).getReader();
  }

  /** Reads until `pattern` has arrived (or the stream ended) and returns everything so far. */
  async until(pattern: RegExp): Promise<string> {
    while (!pattern.test(this.text)) {
      const { value, done } = await this.#reader.read();
      if (done) break;
      this.text += decoder.decode(value, { stream: true });
    }
    return this.text;
  }

  ids(): string[] {
    return [...this.text.matchAll(/^id: (\d+)$/gm)].map((match) => match[1] ?? '');
  }
}

for (const { name, base, headers } of targets) {
  test.describe(`http-streaming-sse through the ${name}`, () => {
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${base}/api/${path}`, {
        ...init,
        headers: { ...headers, ...(init.headers as Record<string, string>) },
      });

    async function createJob(steps: number, stepMs: number): Promise<Job> {
      const response = await call('jobs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ steps, stepMs }),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as Job;
    }

    const readJob = async (id: string): Promise<Job> =>
      (await (await call(`jobs/${id}`)).json()) as Job;

    test('streams retry, the progress events in order with their ids, completed, then ends', async () => {
      const job = await createJob(3, 50);
      const response = await call(`jobs/${job.id}/events`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/event-stream');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const text = await response.text();
      expect(text.startsWith('retry: 3000\n\n')).toBe(true);
      const events = [...text.matchAll(/^id: (\d+)\nevent: (\w+)\ndata: (.*)$/gm)].map(
        ([, id, event, data]) => ({ id, event, data: JSON.parse(data ?? '') as unknown }),
      );
      expect(events).toEqual([
        { id: '1', event: 'progress', data: { jobId: job.id, step: 1, steps: 3, percent: 33 } },
        { id: '2', event: 'progress', data: { jobId: job.id, step: 2, steps: 3, percent: 67 } },
        { id: '3', event: 'progress', data: { jobId: job.id, step: 3, steps: 3, percent: 100 } },
        { id: '4', event: 'completed', data: { jobId: job.id, steps: 3 } },
      ]);
      expect((await readJob(job.id)).state).toBe('completed');
    });

    test('delivers each event as it happens, not buffered until the job ends', async () => {
      const job = await createJob(20, 200);
      const client = new AbortController();
      const stream = new EventStreamReader(
        await call(`jobs/${job.id}/events`, { signal: client.signal }),
      );
      await stream.until(/^id: 1$/m);
      const now = await readJob(job.id);
      expect(now.state).toBe('running');
      expect(now.completedSteps).toBeLessThan(20);
      client.abort();
    });

    test('resumes after Last-Event-ID; after completed answers 204; a bad one is a 422 problem', async ({
      anonymous,
    }) => {
      const job = await createJob(4, 10);
      const resumed = await (
        await call(`jobs/${job.id}/events`, { headers: { 'last-event-id': '2' } })
      ).text();
      expect([...resumed.matchAll(/^id: (\d+)$/gm)].map((m) => m[1])).toEqual(['3', '4', '5']);
      const done = await call(`jobs/${job.id}/events`, { headers: { 'last-event-id': '5' } });
      expect(done.status).toBe(204);
      for (const lastEventId of ['abc', '6']) {
        const bad = await anonymous.get(`${base}/api/jobs/${job.id}/events`, {
          headers: { ...headers, 'last-event-id': lastEventId },
        });
        const problem = await expectProblem(bad, 422);
        expect(problem.errors?.[0]?.pointer).toBe('/headers/last-event-id');
      }
    });

    test('a client that goes away stops the job: no step runs while nobody listens', async () => {
      const job = await createJob(50, 100);
      const client = new AbortController();
      const stream = new EventStreamReader(
        await call(`jobs/${job.id}/events`, { signal: client.signal }),
      );
      await stream.until(/^id: 2$/m);
      client.abort();
      await expect
        .poll(async () => (await readJob(job.id)).state, { timeout: 10_000 })
        .toBe('paused');
      const stopped = await readJob(job.id);
      expect(stopped.listeners).toBe(0);
      expect(stopped.completedSteps).toBeLessThan(50);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect((await readJob(job.id)).completedSteps).toBe(stopped.completedSteps);
      // and a new listener picks up where the last one left, with Last-Event-ID
      const resumed = new EventStreamReader(
        await call(`jobs/${job.id}/events`, { headers: { 'last-event-id': '2' } }),
      );
      await resumed.until(/^id: 4$/m);
      expect(resumed.ids().slice(0, 2)).toEqual(['3', '4']);
    });

    test('sends a heartbeat comment while a step is slower than the heartbeat (1 s locally)', async () => {
      const job = await createJob(1, 2_500);
      const stream = new EventStreamReader(await call(`jobs/${job.id}/events`));
      const text = await stream.until(/^id: 1$/m);
      expect(text.indexOf(': heartbeat\n\n')).toBeGreaterThan(0);
      expect(text.indexOf(': heartbeat\n\n')).toBeLessThan(text.indexOf('id: 1\n'));
    });

    test('an unknown job is a 404 problem', async ({ anonymous }) => {
      const missing = await anonymous.get(
        `${base}/api/jobs/6f1c2a1e-8d1b-4c47-9a0e-6b7f1e1f2a3b/events`,
        { headers },
      );
      await expectProblem(missing, 404);
    });

    test('hashes an upload as it streams in, chunked or not', async () => {
      const small = await call('uploads', {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: 'hello, stream',
      });
      expect(await small.json()).toEqual({
        bytes: 13,
        sha256: '03a6ed58238a42715d3b544a31b76bd51489cebcc9de15723f4926ccbe4449e8',
      });
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(10_000).fill(120));
          controller.close();
        },
      });
      const chunked = await call('uploads', {
        method: 'POST',
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(200);
      expect(await chunked.json()).toMatchObject({ bytes: 40_000 });
    });

    test('an upload over the limit (64 KiB locally) is a 413 problem', async ({ anonymous }) => {
      const tooLarge = await anonymous.post(`${base}/api/uploads`, {
        headers: { ...headers, 'content-type': 'application/octet-stream' },
        data: Buffer.alloc(100_000, 120),
      });
      const problem = await expectProblem(tooLarge, 413);
      expect(problem.detail).toBe('The request body must not exceed 65536 bytes.');
    });
  });
}

test('the gateway refuses the event stream without a subscription key (401 problem)', async ({
  anonymous,
}) => {
  const response = await anonymous.get(
    `${localGatewayUrl(recipe)}/api/jobs/6f1c2a1e-8d1b-4c47-9a0e-6b7f1e1f2a3b/events`,
  );
  await expectProblem(response, 401);
});
