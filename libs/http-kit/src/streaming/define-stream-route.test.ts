import { once } from 'node:events';
import http from 'node:http';

import azureFunctions from '@azure/functions';
import { getLogger } from '@cookbook/logging';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { httpError } from '../errors/http-problem.js';
import { buildOpenApiDocument } from '../openapi/build-openapi-document.js';
import { createFakeHttpRequest } from '../testing/fake-http-request.js';
import { createFakeInvocationContext } from '../testing/fake-invocation-context.js';
import { defineStreamRoute, streamResponse } from './define-stream-route.js';

const encoder = new TextEncoder();

async function* lines(count: number, log = false): AsyncGenerator<Uint8Array> {
  for (let i = 1; i <= count; i++) {
    await Promise.resolve();
    if (log) getLogger().info({ line: i }, 'line streamed');
    yield encoder.encode(`line ${i}\n`);
  }
}

const streamLines = defineStreamRoute({
  name: 'streamLines',
  methods: ['GET'],
  route: 'lines/{count:int}',
  authLevel: 'anonymous',
  request: {
    params: z.object({ count: z.coerce.number().int().min(0).max(100) }),
    query: z.object({
      log: z.stringbool().default(false),
      badHeader: z.stringbool().default(false),
    }),
  },
  responses: {
    200: streamResponse({ description: 'The lines', contentType: 'text/plain; charset=utf-8' }),
    404: { description: 'No lines' },
  },
  handler: ({ params, query }) => {
    if (params.count === 0) throw httpError('notFound', 'Nothing to stream.');
    const body = lines(params.count, query.log);
    // an invalid header turns the answer into a 500 problem after the handler returned a stream
    return {
      status: 200,
      body,
      headers: query.badHeader ? { 'bad header': 'x' } : ({} as Record<string, string>),
    };
  },
});

async function call(count: string, query: Record<string, string> = {}) {
  const request = createFakeHttpRequest({
    url: `http://localhost:7071/api/lines/${count}`,
    params: { count },
    query,
    headers: { 'x-correlation-id': 'stream-1' },
  });
  const invocation = createFakeInvocationContext({ functionName: 'streamLines' });
  const init = await streamLines.handle(request, invocation);
  return { init, invocation };
}

describe('defineStreamRoute', () => {
  it('answers with the handler stream as the body, headers decided before the first byte', async () => {
    const { init } = await call('3');
    expect(init.body).toBeInstanceOf(ReadableStream);
    const response = new azureFunctions.HttpResponse(init);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-correlation-id')).toBe('stream-1');
    expect(await response.text()).toBe('line 1\nline 2\nline 3\n');
  });

  it('keeps problems thrown by the handler as problem+json answers', async () => {
    const { init } = await call('0');
    const response = new azureFunctions.HttpResponse(init);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, detail: 'Nothing to stream.' });
  });

  it('validates the request before the handler runs (422)', async () => {
    const { init } = await call('1000');
    expect(init.status).toBe(422);
  });

  it('cancels the stream when the checks after the handler turn the answer into a 500', async () => {
    let cancelled = false;
    const route = defineStreamRoute({
      name: 'badStream',
      methods: ['GET'],
      route: 'bad',
      authLevel: 'anonymous',
      responses: { 200: streamResponse({ description: 'x', contentType: 'text/plain' }) },
      handler: () => ({
        status: 200,
        headers: { 'not a header': 'x' },
        body: new ReadableStream<Uint8Array>({
          cancel() {
            cancelled = true;
          },
        }),
      }),
    });
    const init = await route.handle(
      createFakeHttpRequest({ url: 'http://localhost:7071/api/bad' }),
      createFakeInvocationContext(),
    );
    expect(init.status).toBe(500);
    expect(cancelled).toBe(true);
  });

  it('logs written while the body streams carry the invocation ids, though the handler has returned', async () => {
    const { init, invocation } = await call('2', { log: 'true' });
    await new azureFunctions.HttpResponse(init).text();
    const streamed = invocation.logs.filter((entry) => entry.message.includes('line streamed'));
    expect(streamed).toHaveLength(2);
    for (const entry of streamed) expect(entry.message).toContain('"correlationId":"stream-1"');
  });

  it('documents the streamed response as a string of its media type', () => {
    const document = buildOpenApiDocument([streamLines], { info: { title: 't', version: '1' } });
    const content = (document.paths as Record<string, Record<string, unknown>>)['/lines/{count}']?.[
      'get'
    ] as { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
    expect(content.responses['200']?.content?.['text/plain; charset=utf-8']?.schema).toEqual({
      type: 'string',
    });
  });
});

describe('defineStreamRoute in stream mode, when the client goes away', () => {
  it('cancels the source and ends the body, though the library keeps reading it', async () => {
    let produced = 0;
    let sourceCancelled = false;
    let pullsAfterCancel = 0;
    const route = defineStreamRoute({
      name: 'endless',
      methods: ['GET'],
      route: 'endless',
      authLevel: 'anonymous',
      responses: { 200: streamResponse({ description: 'x', contentType: 'text/plain' }) },
      handler: () => ({
        status: 200,
        body: new ReadableStream<Uint8Array>(
          {
            async pull(controller) {
              if (sourceCancelled) pullsAfterCancel += 1;
              await new Promise((resolve) => setTimeout(resolve, 5));
              produced += 1;
              controller.enqueue(encoder.encode(`${produced}\n`));
            },
            cancel() {
              sourceCancelled = true;
            },
          },
          { highWaterMark: 0 },
        ),
      }),
    });
    let bodyEnded: Promise<void> | undefined;
    // Like @azure/functions' stream-mode proxy: the host's request arrives tagged with the
    // invocation id, and the body is written without regard for the socket (sendProxyResponse).
    const server = http.createServer((request, response) => {
      const invocationId = String(request.headers['x-ms-invocation-id']);
      bodyEnded = (async () => {
        const init = await route.handle(
          createFakeHttpRequest({ url: 'http://localhost:7071/api/endless' }),
          createFakeInvocationContext({ invocationId }),
        );
        for await (const chunk of (init.body as ReadableStream<Uint8Array>).values()) {
          response.write(chunk);
        }
        response.end();
      })();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    const request = http.get(`http://127.0.0.1:${port}/`, {
      headers: { 'x-ms-invocation-id': 'inv-endless' },
    });
    request.on('error', () => undefined);
    const [response] = (await once(request, 'response')) as [http.IncomingMessage];
    await once(response, 'data');
    request.destroy();
    await bodyEnded;
    expect(sourceCancelled).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(pullsAfterCancel).toBe(0);
    expect(produced).toBeLessThan(5);
    server.closeAllConnections();
    server.close();
  });
});
