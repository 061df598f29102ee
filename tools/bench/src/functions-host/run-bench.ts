import { type ChildProcess, fork } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import autocannon from 'autocannon';

import {
  AA_KEY,
  BASELINE_KEY,
  CANDIDATE_KEY,
  formatReport,
  type Round,
  type Sample,
  type Target,
  verdictOf,
} from './bench-report.js';
import { writeHelloApp } from './hello-app.js';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const CONNECTIONS = env('BENCH_CONNECTIONS', 50);
const REQUESTS = env('BENCH_REQUESTS', 2000);
const WARMUP_REQUESTS = env('BENCH_WARMUP', 6000);
// Rounds until the verdict is conclusive: at least MIN_ROUNDS, at most MAX_ROUNDS.
const MIN_ROUNDS = env('BENCH_ROUNDS', 20);
const MAX_ROUNDS = Math.max(MIN_ROUNDS, env('BENCH_MAX_ROUNDS', 60));
// Where the full host's console lines go: a pipe the bench reads (like `nx serve`), a file, /dev/null.
const STDOUT = (process.env['BENCH_STDOUT'] ?? 'pipe') as 'pipe' | 'file' | 'null';
const CPU_PROF = process.env['BENCH_CPU_PROF'];

const targets: Target[] = [
  { key: CANDIDATE_KEY, name: 'full host', kind: 'full' },
  { key: 'quiet', name: 'full host, console logging off', kind: 'quiet' },
  { key: BASELINE_KEY, name: 'minimal host', kind: 'minimal' },
  // A/A: a second, identical minimal host shows how far two identical servers differ here.
  { key: AA_KEY, name: 'minimal host again (A/A)', kind: 'minimal' },
  { key: 'raw', name: 'raw node:http', kind: 'raw' },
];

interface Server {
  target: Target;
  child: ChildProcess;
  url: string;
}

let printedBytes = 0;
let printedLines = 0;

async function startServer(appDir: string, target: Target, stdoutFd: number): Promise<Server> {
  const full = target.kind === 'full';
  const child = fork(here('./bench-servers.ts'), [appDir, target.kind], {
    // --expose-gc: the server process collects each slice's garbage inside that slice.
    execArgv: [
      '--conditions=@cookbook/source',
      '--import',
      'tsx',
      '--expose-gc',
      ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : []),
    ],
    stdio: [
      'ignore',
      full && STDOUT === 'pipe' ? 'pipe' : full ? stdoutFd : 'ignore',
      'inherit',
      'ipc',
    ],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    printedBytes += chunk.length;
    for (let index = chunk.indexOf(10); index >= 0; index = chunk.indexOf(10, index + 1)) {
      printedLines += 1;
    }
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) =>
      reject(new Error(`bench server "${target.kind}" exited with ${code}`)),
    );
  });
  return { target, child, url: `http://127.0.0.1:${port}/api/hello` };
}

/** CPU time (user + system) the server process has used so far, read inside that process. */
function cpuOf(child: ChildProcess, moment: 'start' | 'end'): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve((message as { cpuMicros: number }).cpuMicros));
    child.send(`cpu-${moment}`);
  });
}

async function measure({ target, child, url }: Server, amount: number): Promise<Sample> {
  const cpuBefore = await cpuOf(child, 'start');
  const wallStarted = performance.now();
  const result = await autocannon({ url, connections: CONNECTIONS, amount });
  // autocannon's own duration is whole seconds when it stops on `amount`.
  const seconds = (performance.now() - wallStarted) / 1000;
  const cpuMicros = (await cpuOf(child, 'end')) - cpuBefore;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${target.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return {
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicrosPerRequest: cpuMicros / Math.max(1, result.requests.total),
  };
}

const started = Date.now();
const loadStart = loadavg();
const loads: number[] = [];
const servers: Server[] = [];
const rounds: Round[] = [];
let fullRequests = 0;
const hello = await writeHelloApp();
const outDir = mkdtempSync(join(tmpdir(), 'bench-host-stdout-'));
const stdoutFd = openSync(STDOUT === 'file' ? join(outDir, 'host.log') : '/dev/null', 'w');
try {
  // Started together; each one is idle while another is measured.
  const launched = await Promise.allSettled(
    targets.map((target) => startServer(hello.dir, target, stdoutFd)),
  );
  for (const result of launched) if (result.status === 'fulfilled') servers.push(result.value);
  const failed = launched.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  for (const server of servers) {
    const text = await (await fetch(server.url)).text();
    if (text !== 'Hello, World!') throw new Error(`${server.target.name} answered "${text}"`);
    await autocannon({ url: server.url, connections: CONNECTIONS, amount: WARMUP_REQUESTS });
  }
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    // Rotate the start and reverse every other round, so no server always follows the same one.
    const rotated = servers.map((_, index) => servers[(index + round) % servers.length] as Server);
    const order = round % 2 === 0 ? rotated : rotated.reverse();
    const samples: Round = new Map();
    for (const server of order) samples.set(server.target.key, await measure(server, REQUESTS));
    fullRequests += REQUESTS;
    rounds.push(samples);
    loads.push(loadavg()[0] ?? 0);
    // Checked after every round from the minimum on: stop as soon as the verdict is conclusive.
    if (rounds.length >= MIN_ROUNDS && verdictOf(rounds).verdict !== 'inconclusive') break;
  }
} finally {
  await Promise.all(
    servers.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          // A clean exit lets --cpu-prof write its profile.
          if (CPU_PROF) child.send('exit');
          else child.kill();
        }),
    ),
  );
  closeSync(stdoutFd);
  rmSync(outDir, { recursive: true, force: true });
  await hello.remove();
}

const stdoutNote =
  STDOUT === 'pipe'
    ? `a pipe the bench reads (${printedLines} lines, ${(printedBytes / 1024 / 1024).toFixed(1)} MiB, for ${fullRequests + WARMUP_REQUESTS + 1} requests)`
    : STDOUT === 'file'
      ? 'a file'
      : '/dev/null';
console.log(
  formatReport(targets, rounds, {
    connections: CONNECTIONS,
    requestsPerSlice: REQUESTS,
    elapsedSeconds: (Date.now() - started) / 1000,
    stdout: stdoutNote,
    load: { start: loadStart, end: loadavg(), min: Math.min(...loads), max: Math.max(...loads) },
  }),
);
