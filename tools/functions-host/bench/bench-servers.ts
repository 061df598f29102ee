import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { FunctionCallback, FunctionMetadata } from '../src/core/core-types.js';
import { coreApi, createLocalHost, startHostServer } from '../src/index.js';
import { createMinimalHost } from './minimal-host.js';
import { createRawServer } from './raw-node-http.js';

// All three servers share one process, so a busy machine slows them alike; the benchmark
// drives one at a time and reads this process's CPU time around each run.
const registered: { metadata: FunctionMetadata; callback: FunctionCallback }[] = [];
const registerFunction = coreApi.registerFunction;
coreApi.registerFunction = (metadata, callback) => {
  registered.push({ metadata, callback });
  return registerFunction(metadata, callback);
};

const host = await createLocalHost(process.argv[2] ?? '');
const full = await startHostServer(host, { port: 0 });
// Same app and pipeline without func-style console output, to show what logging costs.
const quietHost = await createLocalHost(process.argv[2] ?? '', { log: () => undefined });
const quiet = await startHostServer(quietHost, { port: 0 });
const [hello] = registered;
const model = coreApi.getProgrammingModel();
if (!hello || !model) throw new Error('The benchmark app registered no function.');

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
const ports = {
  full: full.port,
  quiet: quiet.port,
  minimal: await listen(createMinimalHost({ model, ...hello })),
  raw: await listen(createRawServer()),
};

process.on('message', (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  }
});
process.send?.({ ports });
