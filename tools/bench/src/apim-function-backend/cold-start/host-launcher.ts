import { createInterface } from 'node:readline';

import { createLocalHost, startHostServer } from '../local-host.js';
import { startModuleProbe } from './module-probe.js';

// Bundled into one file and run with plain node: the host's own load time stays small and equal
// for both app layouts. Prints one JSON line when listening; with --probe, answers "report" lines.
const [appDir = '.', ...flags] = process.argv.slice(2);
const probe = flags.includes('--probe') ? startModuleProbe() : undefined;

const host = await createLocalHost(appDir, { log: () => undefined });
const hostReadyMs = performance.now();
const server = await startHostServer(host, { port: 0, hostname: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ port: server.port, hostReadyMs })}\n`);

if (probe) {
  const importUrl = flags[flags.indexOf('--import') + 1];
  for await (const line of createInterface({ input: process.stdin })) {
    if (line !== 'report') continue;
    let importMs: number | undefined;
    if (flags.includes('--import') && importUrl) {
      const started = performance.now();
      await import(importUrl);
      importMs = performance.now() - started;
    }
    process.stdout.write(`${JSON.stringify({ ...(await probe.report()), importMs })}\n`);
  }
}
