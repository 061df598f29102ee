import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The built recipe on the local host in its own process, so autocannon does not share its event loop. */
export async function startCrudStack(
  databaseUrl: string | undefined,
): Promise<{ url: string; child: ChildProcess }> {
  const cli = fileURLToPath(new URL('../../../recipes/src/cli.ts', import.meta.url));
  const tsx = fileURLToPath(import.meta.resolve('tsx/cli'));
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'warn' };
  // Without DATABASE_URL the stack runs PGlite in memory (the recipe's local env); with it, a pool, migrated at start.
  delete env['DATABASE_URL'];
  if (databaseUrl) Object.assign(env, { DATABASE_URL: databaseUrl, MIGRATE_ON_START: 'true' });
  const child = spawn(
    process.execPath,
    [tsx, '--conditions=@cookbook/source', cli, 'stack', 'full-stack-crud-api', '--host-port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'], env },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const match = /host (http:\/\/\S+)/.exec(line);
    if (match?.[1]) return { url: match[1], child };
  }
  throw new Error('the full-stack-crud-api stack exited before printing its URL (build it first)');
}
