import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const WORKSPACE_MODULES = resolve(import.meta.dirname, '../../../../node_modules');

// The smallest app the host can serve: one anonymous GET returning a fixed text, plain CommonJS
// so no bundling or transpiling sits between the host and the library.
const MAIN_JS = `const { app } = require('@azure/functions');

app.http('hello', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (request) => {
    const name = request.query.get('name') || 'World';
    return { body: \`Hello, \${name}!\`, headers: { 'content-type': 'text/plain; charset=utf-8' } };
  },
});
`;

/** Writes the hello app into a temp folder (outside the source tree); `remove` deletes it. */
export async function writeHelloApp(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-hello-app-'));
  await writeFile(join(dir, 'host.json'), '{ "version": "2.0" }\n');
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bench-hello', main: 'main.js' }),
  );
  await writeFile(join(dir, 'main.js'), MAIN_JS);
  // The app resolves @azure/functions like an installed app does.
  await symlink(WORKSPACE_MODULES, join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
