import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import autocannon from 'autocannon';

import { formatReport, pairedKey, type Sample, type Target } from './bench-report.js';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const fixture = here('../test-fixtures/hello');
const CONNECTIONS = 50;
const WARMUP_SECONDS = 1;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 1);
// Interleaved rounds, order rotating: load from other work hits every server alike.
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 6);

const baseline: Target = { key: 'minimal', name: 'minimal host', kind: 'minimal' };
const targets: Target[] = [
  { key: 'full', name: 'full host', kind: 'full' },
  { key: 'quiet', name: 'full host, console logging off', kind: 'quiet' },
  // A/A: the minimal host measured a second time per round shows the noise floor.
  { key: 'minimal-again', name: 'minimal host again (A/A)', kind: 'minimal' },
  { key: 'raw', name: 'raw node:http', kind: 'raw' },
];

async function startServers(): Promise<{ child: ChildProcess; ports: Record<string, number> }> {
  const child = fork(here('./bench-servers.ts'), [fixture], {
    // --expose-gc: the server process collects each slice's garbage inside that slice.
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ports = await new Promise<Record<string, number>>((resolve, reject) => {
    child.once('message', (message) =>
      resolve((message as { ports: Record<string, number> }).ports),
    );
    child.once('exit', (code) => reject(new Error(`bench-servers exited with ${code}`)));
  });
  return { child, ports };
}

/** CPU time (user + system) the server process has used so far, read inside that process. */
function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve((message as { cpuMicros: number }).cpuMicros));
    child.send('cpu');
  });
}

async function measure(name: string, child: ChildProcess, url: string): Promise<Sample> {
  const cpuBefore = await cpuOf(child);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const cpuMicros = (await cpuOf(child)) - cpuBefore;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return {
    rps: result.requests.total / Math.max(0.01, result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicrosPerRequest: cpuMicros / Math.max(1, result.requests.total),
  };
}

const started = Date.now();
const { child, ports } = await startServers();
const all = [baseline, ...targets];
const urlOf = (target: Target): string => `http://127.0.0.1:${ports[target.kind] ?? 0}/api/hello`;
const rounds: Map<string, Sample>[] = [];
try {
  for (const target of all) {
    const text = await (await fetch(urlOf(target))).text();
    if (text !== 'Hello, World!') throw new Error(`${target.name} answered "${text}"`);
    await autocannon({ url: urlOf(target), connections: CONNECTIONS, duration: WARMUP_SECONDS });
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    // Rotate the starting server so none always runs right after the same neighbour.
    const order = all.map((_, index) => all[(index + round) % all.length]);
    const samples = new Map<string, Sample>();
    for (const target of order) {
      if (target) samples.set(target.key, await measure(target.name, child, urlOf(target)));
    }
    const minimal = samples.get(baseline.key);
    if (minimal)
      for (const target of targets) samples.set(pairedKey(baseline.key, target.key), minimal);
    samples.delete(baseline.key);
    rounds.push(samples);
  }
} finally {
  child.kill();
}

console.log(
  formatReport(baseline, targets, rounds, {
    connections: CONNECTIONS,
    seconds: SECONDS,
    elapsedSeconds: (Date.now() - started) / 1000,
  }),
);
