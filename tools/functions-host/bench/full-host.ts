import { createLocalHost, startHostServer } from '../src/index.js';

// The full host: routing, keys check, host encoding, hooks and func-style logging, as `start` runs it.
const host = await createLocalHost(process.argv[2] ?? '');
const server = await startHostServer(host, { port: 0 });
process.send?.({ port: server.port });
