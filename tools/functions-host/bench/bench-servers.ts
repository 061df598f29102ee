import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { FunctionCallback, FunctionMetadata } from '../src/core/core-types.js';
import { coreApi, createLocalHost, startHostServer } from '../src/index.js';
import { createMinimalHost } from './minimal-host.js';
import { createRawServer } from './raw-node-http.js';

// All servers share one process (same JIT state, heap and scheduler share); the runner loads
// one at a time, so this process's CPU time over a slice belongs to that server.
const [appDir = ''] = process.argv.slice(2);

const registered: { metadata: FunctionMetadata; callback: FunctionCallback }[] = [];
const registerFunction = coreApi.registerFunction;
coreApi.registerFunction = (metadata, callback) => {
  registered.push({ metadata, callback });
  return registerFunction(metadata, callback);
};

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

async function start(kind: string): Promise<number> {
  if (kind === 'raw') return listen(createRawServer());
  // Func-style console output for "full", as `start` runs; "quiet" shows what logging costs.
  const host = await createLocalHost(appDir, kind === 'full' ? {} : { log: () => undefined });
  if (kind === 'full' || kind === 'quiet') return (await startHostServer(host, { port: 0 })).port;
  // "minimal": the same loaded app, driven through the library's invocation model only.
  const hello = registered.at(-1);
  const model = coreApi.getProgrammingModel();
  if (!hello || !model) throw new Error('The benchmark app registered no function.');
  return listen(createMinimalHost({ model, ...hello }));
}

const ports: Record<string, number> = {};
for (const kind of ['full', 'quiet', 'minimal', 'raw']) ports[kind] = await start(kind);
// A minor GC first, so a server's young garbage is paid for in its own slice, not the next one's.
const collect = (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc;
process.on('message', (message) => {
  // A clean exit lets `node --cpu-prof` write its profile.
  if (message === 'exit') process.exit(0);
  if (message === 'cpu') {
    collect?.({ type: 'minor' });
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  }
});
process.send?.({ ports });
