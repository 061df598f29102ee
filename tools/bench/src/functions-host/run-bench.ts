import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import autocannon from 'autocannon';

import { formatReport, pairedKey, type Sample, type Target } from './bench-report.js';
import { writeHelloApp } from './hello-app.js';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const CONNECTIONS = 50;
const WARMUP_SECONDS = 1;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 0.8);
// Interleaved rounds, order rotating: load from other work hits every server alike.
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 8);

const baseline: Target = { key: 'minimal', name: 'minimal host', kind: 'minimal' };
// A/A: the minimal host measured a second time per round shows the noise floor.
const repeat: Target = { key: 'minimal-again', name: 'minimal host again (A/A)', kind: 'minimal' };
const targets: Target[] = [
  { key: 'full', name: 'full host', kind: 'full' },
  { key: 'quiet', name: 'full host, console logging off', kind: 'quiet' },
  repeat,
  { key: 'raw', name: 'raw node:http', kind: 'raw' },
];

async function startServer(
  appDir: string,
  kind: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(here('./bench-servers.ts'), [appDir, kind], {
    // --expose-gc: the server process collects each slice's garbage inside that slice.
    execArgv: ['--conditions=@cookbook/source', '--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`bench server "${kind}" exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}/api/hello` };
}

/** CPU time (user + system) the server process has used so far, read inside that process. */
function cpuOf(child: ChildProcess, moment: 'start' | 'end'): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve((message as { cpuMicros: number }).cpuMicros));
    child.send(`cpu-${moment}`);
  });
}

async function measure(name: string, child: ChildProcess, url: string): Promise<Sample> {
  const cpuBefore = await cpuOf(child, 'start');
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const cpuMicros = (await cpuOf(child, 'end')) - cpuBefore;
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

const meanSample = (a: Sample, b: Sample): Sample => ({
  rps: (a.rps + b.rps) / 2,
  p50: (a.p50 + b.p50) / 2,
  p99: (a.p99 + b.p99) / 2,
  cpuMicrosPerRequest: (a.cpuMicrosPerRequest + b.cpuMicrosPerRequest) / 2,
});

const started = Date.now();
const all = [baseline, ...targets];
const servers: { child: ChildProcess; url: string }[] = [];
const rounds: Map<string, Sample>[] = [];
const hello = await writeHelloApp();
try {
  // The A/A copy is a second process, so both minimal hosts are equally warm and equally idle.
  const launched = await Promise.allSettled(
    all.map((target) => startServer(hello.dir, target.kind)),
  );
  for (const result of launched) if (result.status === 'fulfilled') servers.push(result.value);
  const failed = launched.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  const serverOf = (target: Target): { child: ChildProcess; url: string } =>
    servers[all.indexOf(target)] as { child: ChildProcess; url: string };
  for (const target of all) {
    const { url } = serverOf(target);
    const text = await (await fetch(url)).text();
    if (text !== 'Hello, World!') throw new Error(`${target.name} answered "${text}"`);
    await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS });
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    // Rotate the start and reverse every other round, so no server always follows the same one.
    const rotated = all.map((_, index) => all[(index + round) % all.length]);
    const order = round % 2 === 0 ? rotated : rotated.reverse();
    const samples = new Map<string, Sample>();
    for (const target of order) {
      if (!target) continue;
      const { child, url } = serverOf(target);
      samples.set(target.key, await measure(target.name, child, url));
    }
    const minimal = samples.get(baseline.key);
    const again = samples.get(repeat.key);
    if (minimal && again) {
      // Targets are compared with both minimal-host slices of the round (less noise); the A/A
      // row compares the two slices with each other.
      const both = meanSample(minimal, again);
      for (const target of targets) {
        samples.set(pairedKey(baseline.key, target.key), target === repeat ? minimal : both);
      }
    }
    rounds.push(samples);
  }
} finally {
  for (const { child } of servers) child.kill();
  await hello.remove();
}

console.log(
  formatReport(baseline, targets, rounds, {
    connections: CONNECTIONS,
    seconds: SECONDS,
    elapsedSeconds: (Date.now() - started) / 1000,
  }),
);
