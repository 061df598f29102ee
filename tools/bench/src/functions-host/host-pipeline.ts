import { createLocalHost, type LocalHost } from '@cookbook/functions-host';

import type { PipelineRound } from './bench-report.js';
import { minimalInvoker, recordMinimalApp } from './minimal-host.js';

// One process, no socket: the host's own pipeline (`host.handle`: routing, front-end headers,
// trace context, the invocation clocks, host encoding, console lines) against the minimal host's
// invocation path, alternating, so the ratio carries neither socket work nor process differences.
const [appDir = '', level = 'none', roundsText = '', callsText = ''] = process.argv.slice(2);
const ROUNDS = Number(roundsText);
const CALLS = Number(callsText);

const minimalApp = recordMinimalApp();
const host = await createLocalHost(appDir, { logLevel: level as 'information' | 'none' });
const invokeMinimal = minimalInvoker(minimalApp());

// What autocannon sends, as each host receives it.
const URL_TEXT = 'http://127.0.0.1:7071/api/hello';
type HostRequest = Parameters<LocalHost['handle']>[0];
const hostRequest = (): HostRequest => ({
  method: 'GET',
  url: URL_TEXT,
  path: '/api/hello',
  query: '',
  headers: [['host', '127.0.0.1:7071']],
  remoteAddress: '127.0.0.1',
  remotePort: 50123,
});
const viaHost = (): Promise<unknown> => host.handle(hostRequest());
const viaMinimal = (): Promise<unknown> =>
  invokeMinimal({ method: 'GET', url: URL_TEXT, headers: { host: '127.0.0.1:7071' } });

const cpu = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
async function perCall(call: () => Promise<unknown>): Promise<number> {
  const started = cpu();
  for (let index = 0; index < CALLS; index += 1) await call();
  // Let the console lines of this batch be written (the sink waits up to 10 ms).
  await new Promise((resolve) => setTimeout(resolve, 20));
  return (cpu() - started) / CALLS;
}

for (let index = 0; index < CALLS * 2; index += 1) {
  await viaHost();
  await viaMinimal();
}
const rounds: PipelineRound[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  // The first one alternates, so neither always runs on the other's garbage.
  if (round % 2 === 0)
    rounds.push({ host: await perCall(viaHost), minimal: await perCall(viaMinimal) });
  else {
    const minimal = await perCall(viaMinimal);
    rounds.push({ host: await perCall(viaHost), minimal });
  }
}
await host.close();
process.send?.(rounds);
