import { setImmediate as nextTurn } from 'node:timers/promises';

import { createLocalHost } from '@cookbook/functions-host';

import type { PipelineRound } from './bench-report.js';
import { minimalInvoker, recordMinimalApp, replayInvoker } from './minimal-host.js';
import { turnOrder } from './turn-order.js';
import { HELLO_HOST, HELLO_URL, helloRequest, recordWorkerRequest } from './worker-request.js';

// One process, no socket: the host's own pipeline (`host.handle`: routing, front-end headers,
// trace context, the invocation clocks, host encoding, console lines) against the minimal host's
// invocation path, in rotation, so the ratio carries neither socket work nor process differences.
// A third path replays the worker request the host sent: the library's work on Azure's encoding
// of the request (six more headers, nullable maps, trace context) without the host's own code.
const [appDir = '', level = 'none', roundsText = '', callsText = ''] = process.argv.slice(2);
const ROUNDS = Number(roundsText);
const CALLS = Number(callsText);

const minimalApp = recordMinimalApp();
const host = await createLocalHost(appDir, { logLevel: level as 'information' | 'none' });
const app = minimalApp();
const invokeMinimal = minimalInvoker(app);

const viaHost = (): Promise<unknown> => host.handle(helloRequest());
const viaMinimal = (): Promise<unknown> =>
  invokeMinimal({ method: 'GET', url: HELLO_URL, headers: { host: HELLO_HOST } });
const viaReplay = replayInvoker(app, await recordWorkerRequest(host, app));
// Timing a replay that answers something else would compare nothing.
const replayed = Buffer.from(await viaReplay()).toString();
if (replayed !== 'Hello, World!') throw new Error(`The replay answered "${replayed}".`);

const cpu = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
async function perCall(call: () => Promise<unknown>): Promise<number> {
  const started = cpu();
  for (let index = 0; index < CALLS; index += 1) {
    await call();
    // A server reads each request in a new event-loop turn; without one, lines never flush.
    await nextTurn();
  }
  // Let the console lines of this batch be written (the sink waits up to 10 ms).
  await new Promise((resolve) => setTimeout(resolve, 20));
  return (cpu() - started) / CALLS;
}

const paths = { host: viaHost, minimal: viaMinimal, replay: viaReplay };
const keys = Object.keys(paths) as (keyof typeof paths)[];
for (let index = 0; index < CALLS * 2; index += 1) {
  for (const key of keys) await paths[key]();
  await nextTurn();
}
const rounds: PipelineRound[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  // The order turns, so no path always runs on the same neighbour's garbage.
  const measured = { host: 0, minimal: 0, replay: 0 };
  for (const key of turnOrder(keys, round)) measured[key] = await perCall(paths[key]);
  rounds.push(measured);
}
await host.close();
process.send?.(rounds);
