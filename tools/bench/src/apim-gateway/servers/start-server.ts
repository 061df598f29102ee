import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';

import { benchChildEnv, PROFILE_DIR } from '../settings.js';
import type { ServerCommand, ServerReply } from './server-protocol.js';

/** A server in its own process: its URL, its CPU time so far, and a way to stop it. */
export interface BenchServer {
  name: string;
  url: string;
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

/** Forks `servers/<file>` (TypeScript through tsx) and waits for its URL. */
export async function startServer(
  name: string,
  file: string,
  args: readonly string[],
  options: { profile?: boolean } = {},
): Promise<BenchServer> {
  const child = fork(resolve(import.meta.dirname, file), [...args], {
    execArgv: [
      '--conditions=@cookbook/source',
      '--import',
      'tsx',
      ...(options.profile && PROFILE_DIR
        ? // a folder per server, default file names: tsx's module-hooks thread writes a profile
          // too, and under one fixed name it would overwrite the main thread's
          ['--cpu-prof', `--cpu-prof-dir=${resolve(PROFILE_DIR, slug(name))}`]
        : []),
    ],
    env: benchChildEnv(),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await reply(child, name);
  if (ready.type !== 'ready') throw new Error(`${name}: unexpected ${ready.type} reply`);
  return {
    name,
    url: ready.url,
    cpuMicros: async () => {
      const answer = reply(child, name);
      child.send({ type: 'cpu' } satisfies ServerCommand);
      const received = await answer;
      if (received.type !== 'cpu') throw new Error(`${name}: unexpected ${received.type} reply`);
      return received.micros;
    },
    // Disconnecting lets the server close and exit normally (profiles are written then).
    stop: () =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null || !child.connected) return resolveStop();
        const timer = setTimeout(() => child.kill(), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolveStop();
        });
        child.disconnect();
      }),
  };
}

function reply(child: ChildProcess, name: string): Promise<ServerReply> {
  return new Promise((resolveReply, reject) => {
    const onExit = (code: number | null): void =>
      reject(new Error(`${name}: process exited with code ${code}`));
    child.once('exit', onExit);
    child.once('message', (message: ServerReply) => {
      child.off('exit', onExit);
      if (message.type === 'error') reject(new Error(`${name}: ${message.message}`));
      else resolveReply(message);
    });
  });
}

function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
