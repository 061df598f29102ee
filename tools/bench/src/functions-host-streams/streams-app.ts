import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const WORKSPACE_MODULES = resolve(import.meta.dirname, '../../../../node_modules');

// A streaming sink and source, plain CommonJS so nothing sits between the host and the library.
// The source yields to the event loop after each chunk: the library writes the worker's response
// without waiting for 'drain' (azure-functions-nodejs-library#294), so a source that never yields
// would pile its whole body up in the library before the host could pass any of it on.
const MAIN_JS = `const { app } = require('@azure/functions');

app.setup({ enableHttpStream: true });

app.http('sink', {
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: async (request) => {
    let bytes = 0;
    for await (const chunk of request.body) bytes += chunk.length;
    return { body: String(bytes) };
  },
});

app.http('source', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (request) => {
    const total = Number(request.query.get('bytes'));
    const chunk = Buffer.alloc(64 * 1024, 120);
    let sent = 0;
    const body = new ReadableStream({
      async pull(controller) {
        await new Promise((resolve) => setImmediate(resolve));
        if (sent >= total) return controller.close();
        const size = Math.min(chunk.length, total - sent);
        sent += size;
        controller.enqueue(size === chunk.length ? chunk : chunk.subarray(0, size));
      },
    });
    return { body, headers: { 'content-type': 'application/octet-stream' } };
  },
});
`;

/** Writes the streaming app into a temp folder (outside the source tree); `remove` deletes it. */
export async function writeStreamsApp(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-streams-app-'));
  await writeFile(join(dir, 'host.json'), '{ "version": "2.0" }\n');
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bench-streams', main: 'main.js' }),
  );
  await writeFile(join(dir, 'main.js'), MAIN_JS);
  await symlink(WORKSPACE_MODULES, join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
