// An HTTP-streams app: Microsoft's Node e2e suite functions (azure-functions-nodejs-e2e-tests,
// app/v4) plus probes for the host's streaming behaviour.
const { subscribe } = require('node:diagnostics_channel');
const { app } = require('@azure/functions');

app.setup({ enableHttpStream: true });

/** What the probes saw, for the tests (one host process per test file). */
const events = (globalThis.__streamEvents ??= []);

app.http('helloWorld', {
  methods: ['GET', 'POST'],
  authLevel: 'anonymous',
  handler: async (request) => {
    const name = request.query.get('name') || (await request.text()) || 'world';
    return { body: `Hello, ${name}!` };
  },
});

app.http('httpTriggerQuery', {
  methods: ['GET', 'POST'],
  authLevel: 'anonymous',
  handler: async (request) => ({
    jsonBody: {
      query: Object.fromEntries(request.query),
      dupe: request.query.get('dupe'),
      dupeAll: request.query.getAll('dupe'),
    },
  }),
});

app.http('httpCookies', {
  methods: ['GET', 'POST'],
  authLevel: 'anonymous',
  handler: async () => ({
    cookies: [
      { name: 'mycookie', value: 'myvalue', maxAge: 200000 },
      { name: 'mycookie2', value: 'myvalue', path: '/', maxAge: '200000' },
      { name: 'mycookie3-expires', value: 'myvalue3-expires', maxAge: 0 },
      { name: 'mycookie4-samesite-lax', value: 'myvalue', sameSite: 'Lax' },
      { name: 'mycookie5-samesite-strict', value: 'myvalue', sameSite: 'Strict' },
    ],
  }),
});

app.http('httpTriggerHeaders', {
  methods: ['GET', 'POST'],
  authLevel: 'anonymous',
  handler: async (request) => ({ jsonBody: Object.fromEntries(request.headers) }),
});

app.http('httpTriggerRouteParams', {
  methods: ['GET', 'POST'],
  route: 'httpTriggerRouteParams/{name}/{id}',
  authLevel: 'anonymous',
  handler: async (request) => ({ jsonBody: request.params }),
});

app.http('httpTriggerReceiveStream', {
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: async (request) => {
    let bytes = 0;
    for await (const chunk of request.body) bytes += chunk.length;
    return { body: `Bytes received: ${bytes}` };
  },
});

app.http('httpTriggerSendStream', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (request) => {
    const total = Number(request.query.get('bytes') ?? 0);
    const chunk = Buffer.alloc(64 * 1024, 97);
    let sent = 0;
    events.push({ fn: 'send', produced: 0 });
    const progress = events.at(-1);
    const body = new ReadableStream({
      // One chunk per event-loop turn, so the host can pass data on while the library writes.
      async pull(controller) {
        await new Promise((resolve) => setImmediate(resolve));
        if (sent >= total) return controller.close();
        const size = Math.min(chunk.length, total - sent);
        sent += size;
        progress.produced = sent;
        controller.enqueue(size === chunk.length ? chunk : chunk.subarray(0, size));
      },
    });
    return { body, headers: { 'content-type': 'application/octet-stream' } };
  },
});

app.http('echo', {
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: async (request) => ({ body: request.body, headers: { 'x-echo': 'yes' } }),
});

// Reads one chunk, then stops reading until the test releases it: the upload must stall.
app.http('stallRead', {
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: async (request) => {
    const reader = request.body.getReader();
    const record = { fn: 'stallRead', read: 0 };
    events.push(record);
    const first = await reader.read();
    record.read += first.value?.length ?? 0;
    await new Promise((resolve) => (globalThis.__releaseStall = resolve));
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      record.read += value.length;
    }
    return { body: `read ${record.read}` };
  },
});

// Reads the body until it ends or fails, and records how it ended.
app.http('readUntilAbort', {
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: async (request, context) => {
    const record = { fn: 'readUntilAbort', read: 0, outcome: 'reading' };
    events.push(record);
    try {
      for await (const chunk of request.body) record.read += chunk.length;
      record.outcome = 'ended';
    } catch (error) {
      record.outcome = `failed: ${error.name}`;
      context.log(`request body failed: ${error.name}`);
    }
    return { body: record.outcome };
  },
});

app.http('throws', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async () => {
    throw new Error('Kaboom');
  },
});

app.http('noResponse', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async () => undefined,
});

app.http('keyed', {
  methods: ['GET'],
  authLevel: 'function',
  handler: async () => ({ body: 'keyed ok' }),
});

app.http('hang', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: () => new Promise(() => undefined),
});

// Sends one chunk, then nothing: the front end's idle limit must close the connection.
app.http('stallResponse', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async () => {
    let sent = false;
    const body = new ReadableStream({
      pull(controller) {
        if (sent) return new Promise(() => undefined);
        sent = true;
        controller.enqueue(new TextEncoder().encode('first chunk'));
      },
    });
    return { body };
  },
});

// The library offers no disconnect signal (nodejs-library#273); the proxied connection is what a
// function can watch: Node's public channel sees the library's server too.
const proxied = new Map();
subscribe('http.server.request.start', ({ request, response }) => {
  const id = request.headers['x-ms-invocation-id'];
  if (typeof id === 'string') proxied.set(id, response);
});

// Streams a chunk every 20 ms until the proxied connection closes, and records that it did.
app.http('ticker', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (request, context) => {
    const record = { fn: 'ticker', outcome: 'streaming' };
    events.push(record);
    const response = proxied.get(context.invocationId);
    let timer;
    const body = new ReadableStream({
      start(controller) {
        timer = setInterval(() => controller.enqueue(new TextEncoder().encode('tick\n')), 20);
        response?.once('close', () => {
          clearInterval(timer);
          record.outcome = response.writableFinished ? 'finished' : 'client gone';
          controller.close();
        });
      },
    });
    return { body };
  },
});
