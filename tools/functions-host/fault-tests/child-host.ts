import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';

import { copyFixture, type FixtureCopy } from '../src/testing/fixture-copy.js';

const HOST_DIR = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

export const KEYS = { master: 'fault-master-key', host: 'fault-host-key' };

export interface HostMemory {
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
  hung: number;
  hungAlive: number;
  gc: boolean;
}

export interface ChildHost {
  port: number;
  child: ChildProcess;
  output(): string;
  /** GC in the host process, then its memory (the fixture's /api/memory). */
  memory(): Promise<HostMemory>;
  exit(): Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * The real CLI (`start --auth`) on a temp copy of the faults fixture, in its own process with
 * --expose-gc, so memory is the host's alone and SIGTERM is a real signal.
 */
export async function startChildHost(env: Record<string, string> = {}): Promise<ChildHost> {
  const app: FixtureCopy = copyFixture('faults');
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', CLI, 'start', app.dir, '--port', '0', '--auth'],
    {
      cwd: HOST_DIR,
      env: {
        ...process.env,
        FUNCTIONS_MASTER_KEY: KEYS.master,
        FUNCTIONS_HOST_KEY: KEYS.host,
        FAULTS_FIXTURE_ANNOUNCE: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      app.remove();
      resolve(code);
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const check = setInterval(() => {
      const match = /Host listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearInterval(check);
        resolve(Number(match[1]));
      } else if (child.exitCode !== null) {
        clearInterval(check);
        reject(new Error(`The host did not start:\n${output}`));
      }
    }, 25);
  });
  return {
    port,
    child,
    output: () => output,
    memory: async () => JSON.parse((await get(port, '/api/memory')).body) as HostMemory,
    exit: () => exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface Reply {
  status: number;
  body: string;
}

/** A GET over loopback (optionally on a keep-alive agent); connection errors become status 0. */
export function get(port: number, path: string, agent?: Agent): Promise<Reply> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: 0, body }));
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: 0, body: error.code ?? '' }),
    );
    req.end();
  });
}

/** Runs `count` tasks with at most `concurrency` in flight. */
export async function runPool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}
