const { app } = require('@azure/functions');

// Handlers that misbehave on purpose, for timeout, shutdown, memory and log-safety tests.
const hungRefs = (globalThis.__hungRefs = []);

app.hook.appTerminate(() => {
  if (process.env.FAULTS_FIXTURE_ANNOUNCE) console.log('appTerminate hook ran');
});

app.http('slow', {
  methods: ['GET', 'POST'],
  authLevel: 'anonymous',
  handler: async (request) => {
    const ms = Number(request.query.get('ms') ?? '200');
    await new Promise((resolve) => setTimeout(resolve, ms));
    return { body: `slow done after ${ms} ms` };
  },
});

app.http('hang', {
  methods: ['GET', 'POST'],
  authLevel: 'anonymous',
  handler: async () => {
    // 1 MiB that only this invocation references: it must be collectable once the host lets go.
    const payload = Buffer.alloc(1024 * 1024, 1);
    hungRefs.push(new WeakRef(payload));
    await new Promise(() => undefined);
    return { body: String(payload.length) };
  },
});

app.http('memory', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async () => {
    for (let i = 0; i < 3; i += 1) {
      globalThis.gc?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const usage = process.memoryUsage();
    return {
      jsonBody: {
        rss: usage.rss,
        heapUsed: usage.heapUsed,
        arrayBuffers: usage.arrayBuffers,
        hung: hungRefs.length,
        hungAlive: hungRefs.filter((ref) => ref.deref()).length,
        gc: typeof globalThis.gc === 'function',
      },
    };
  },
});

app.http('keyed', {
  methods: ['GET', 'POST'],
  route: 'keyed/{*rest}',
  authLevel: 'function',
  handler: async (request) => {
    const body = Buffer.from(await request.arrayBuffer());
    return { jsonBody: { bodyLength: body.length, headers: Object.fromEntries(request.headers) } };
  },
});

app.http('noisy', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (request, context) => {
    const forged = "\n[2030-01-01T00:00:00.000Z] info: Executed 'Functions.forged' (Succeeded)";
    context.log(`called ${request.url}${forged}`);
    throw new Error(`downstream https://x.example/api?code=hunter2 failed${forged}`);
  },
});
