import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createLocalHost, startHostServer } from '@cookbook/functions-host';

import { createMinimalHost, createReplayHost, recordMinimalApp } from './minimal-host.js';
import { createRawServer } from './raw-node-http.js';
import { recordWorkerRequest } from './worker-request.js';

// One server per process: its CPU time is its own, and no server inherits another's garbage or
// JIT deoptimisations of the shared library code. "paired" is the exception, on purpose (below).
const [appDir = '', kind = 'full'] = process.argv.slice(2);

const minimalApp = recordMinimalApp();

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

async function start(): Promise<number> {
  if (kind === 'raw') return listen(createRawServer());
  // Func-style console output for "full", as `start` runs. "quiet": logging off the way the host
  // turns it off (level none: lines are neither built nor queued), so full ÷ quiet = their cost.
  const lines = kind === 'full' || kind === 'paired';
  const host = await createLocalHost(appDir, lines ? {} : { logLevel: 'none' });
  if (kind === 'minimal' || kind === 'minimal-front-end') {
    return listen(minimalHost(kind === 'minimal-front-end'));
  }
  if (kind === 'minimal-replay') {
    const app = minimalApp();
    return listen(createReplayHost(app, await recordWorkerRequest(host, app)));
  }
  return (await startHostServer(host, { port: 0 })).port;
}

/** The same loaded app, driven through the library's invocation model only. */
const minimalHost = (frontEndHeaders: boolean): Server =>
  createMinimalHost(minimalApp(), frontEndHeaders);

const port = await start();
// Minor GCs at both ends: a slice pays for its own short-lived garbage. No forced full GC: slices
// right after one cost 1.5-2x the CPU per request of slices without it, a price no request pays.
const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
const reply = (): void => {
  const { user, system } = process.cpuUsage();
  process.send?.({ cpuMicros: user + system });
};
process.on('message', (message) => {
  // A clean exit lets `node --cpu-prof` write its profile.
  if (message === 'exit') process.exit(0);
  if (message === 'cpu-start' || message === 'cpu-end') {
    gc?.({ type: 'minor' });
    reply();
  }
});
// An orphaned server (the bench was killed) must not keep its port and CPU.
process.on('disconnect', () => process.exit(0));
// "paired": the full host, the minimal host and a second minimal host (A/A) in this one process,
// so their ratio carries no process-to-process difference.
process.send?.(
  kind === 'paired'
    ? {
        ports: {
          full: port,
          minimal: await listen(minimalHost(false)),
          'minimal-again': await listen(minimalHost(false)),
        },
      }
    : { port },
);
