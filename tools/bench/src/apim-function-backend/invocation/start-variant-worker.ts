import { fork } from 'node:child_process';
import { resolve } from 'node:path';

import { benchChildEnv } from '../bench-settings.js';
import type { BatchRunner } from './measure-rounds.js';
import type { VariantCommand, VariantReply, WorkerTarget } from './variant-protocol.js';

const WORKER = resolve(import.meta.dirname, 'variant-worker.ts');
// BENCH_CPU_PROF=<dir> writes a V8 CPU profile per variant process, for finding hot spots.
const PROFILE_DIR = process.env['BENCH_CPU_PROF'];

type Answer = Extract<VariantReply, { type: 'answer' }>;

/** One timed variant served by a worker process. */
export interface VariantRunner extends BatchRunner {
  answer(): Promise<Answer>;
}

/** A worker process and one runner per variant it hosts (in `names` order). */
export interface VariantWorker {
  runners: VariantRunner[];
  stop(): Promise<void>;
}

/** Forks a worker that loads the apps in local hosts and waits for commands over IPC. */
export async function startVariantWorker(
  names: readonly string[],
  target: WorkerTarget,
): Promise<VariantWorker> {
  const label = names.join(' + ');
  const child = fork(WORKER, [JSON.stringify(target)], {
    execArgv: [
      ...(target.nodeArguments ?? []),
      '--conditions=@cookbook/source',
      '--import',
      'tsx',
      ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
    ],
    env: benchChildEnv(),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = (): Promise<VariantReply> =>
    new Promise((resolveReply, reject) => {
      const onExit = (code: number | null): void =>
        reject(new Error(`${label}: worker exited with code ${code}`));
      child.once('exit', onExit);
      child.once('message', (reply: VariantReply) => {
        child.off('exit', onExit);
        if (reply.type === 'error') reject(new Error(`${label}: ${reply.message}`));
        else resolveReply(reply);
      });
    });
  const request = async <T extends VariantReply['type']>(
    command: VariantCommand,
    expected: T,
  ): Promise<Extract<VariantReply, { type: T }>> => {
    const reply = next();
    child.send(command);
    const received = await reply;
    if (received.type !== expected) throw new Error(`${label}: unexpected ${received.type} reply`);
    return received as Extract<VariantReply, { type: T }>;
  };
  await next();
  return {
    runners: names.map((name, variant) => ({
      name,
      answer: () => request({ type: 'answer', variant }, 'answer'),
      runBatch: async (count) =>
        (await request({ type: 'batch', variant, count }, 'batch')).microsPerCall,
    })),
    // Disconnecting lets the worker close its hosts and exit normally (profiles are written then).
    stop: () =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null || !child.connected) return resolveStop();
        child.once('exit', () => resolveStop());
        child.disconnect();
      }),
  };
}
