import { createInterface } from 'node:readline';

import { createLocalHost, startHostServer } from '../local-host.js';
import { cpuMs, startFirstResponseClock } from './first-response-clock.js';
import { LAUNCHER_LINE_PREFIX } from './launcher-protocol.js';
import { startModuleProbe } from './module-probe.js';
import { startOrderProbe } from './order-probe.js';

// Bundled into one file and run with plain node: the host's own load time stays small and equal
// for every app layout. Prints one prefixed JSON line when listening (the app may log to stdout
// too). Answers "first-response" with the host's clocks at its first response, and with --probe
// or --order, each "report" line with one more.
const [appDir = '.', ...flags] = process.argv.slice(2);
const firstResponse = startFirstResponseClock();
const probe = flags.includes('--probe') ? startModuleProbe() : undefined;
const order = flags.includes('--order') ? startOrderProbe() : undefined;

function send(message: object): void {
  process.stdout.write(`${LAUNCHER_LINE_PREFIX}${JSON.stringify(message)}\n`);
}

// Off unless asked, as on Azure: its Node worker starts without --enable-source-maps
// (worker.config.json has no arguments). --source-maps turns them on the way the host's `start` does.
if (flags.includes('--source-maps')) process.setSourceMapsEnabled(true);
const host = await createLocalHost(appDir, { log: () => undefined });
const hostReadyMs = performance.now();
const hostReadyCpuMs = cpuMs();
const server = await startHostServer(host, { port: 0, hostname: '127.0.0.1' });
send({ port: server.port, hostReadyMs, hostReadyCpuMs });

const importUrl = flags[flags.indexOf('--import') + 1];
for await (const line of createInterface({ input: process.stdin })) {
  // lets a --cpu-prof run write its profile
  if (line === 'exit') process.exit(0);
  if (line === 'first-response') {
    send(await firstResponse);
    continue;
  }
  if (line !== 'report' || !(probe || order)) continue;
  if (order) {
    send(await order.report(15_000));
    continue;
  }
  let importMs: number | undefined;
  if (flags.includes('--import') && importUrl) {
    const started = performance.now();
    await import(importUrl);
    importMs = performance.now() - started;
  }
  send({ ...(await probe?.report()), importMs });
}
