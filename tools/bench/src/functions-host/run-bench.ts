import { type ChildProcess, fork, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

import autocannon from 'autocannon';

import {
  AA_KEY,
  BASELINE_KEY,
  type Block,
  blockCpuRatios,
  CANDIDATE_KEY,
  formatPaired,
  formatPipeline,
  formatReport,
  type PipelineRound,
  QUIET_KEY,
  REPLAY_KEY,
  type Round,
  type Target,
  verdictsOf,
} from './bench-report.js';
import { median } from './bench-stats.js';
import { writeHelloApp } from './hello-app.js';
import { measureSlice } from './measure-slice.js';
import { turnOrder } from './turn-order.js';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const CONNECTIONS = env('BENCH_CONNECTIONS', 50);
// autocannon only stops on a sample tick (1 s by default), so slices were 1 s long when this said
// 0.5: the default is now the length they really had, and measureSlice ends a slice on time.
const SECONDS = env('BENCH_SECONDS', 1);
const SLICE_LOAD = { connections: CONNECTIONS, seconds: SECONDS };
const WARMUP_SECONDS = env('BENCH_WARMUP_SECONDS', 1);
// Fresh processes per block: JIT and memory layout differ between two identical processes, so
// only new processes turn that difference into noise that averages out.
const ROUNDS_PER_BLOCK = env('BENCH_ROUNDS', 4);
// Blocks until the verdict is conclusive: at least MIN_BLOCKS, at most MAX_BLOCKS.
const MIN_BLOCKS = env('BENCH_BLOCKS', 6);
const MAX_BLOCKS = Math.max(MIN_BLOCKS, env('BENCH_MAX_BLOCKS', 16));
// The paired phase: the full host and two minimal hosts as servers of one process, rounds of it.
const PAIRED_ROUNDS = env('BENCH_PAIRED_ROUNDS', 24);
// Rounds of the host's pipeline in process, no socket (host-pipeline.ts); 0 skips it.
const PIPELINE_ROUNDS = env('BENCH_PIPELINE_ROUNDS', 30);
const PIPELINE_CALLS = 2000;
// Where the full host's console lines go: a pipe the bench reads (like `nx serve`), a file, /dev/null.
const STDOUT = (process.env['BENCH_STDOUT'] ?? 'pipe') as 'pipe' | 'file' | 'null';
const CPU_PROF = process.env['BENCH_CPU_PROF'];
// The console line on its own, in-process: lines per process, processes per setting.
const LINE_COST_LINES = env('BENCH_LINES', 200_000);
const LINE_COST_RUNS = env('BENCH_LINE_RUNS', 5);

const PAIRED: Target = { key: 'paired', name: 'full host and two minimal hosts', kind: 'paired' };
const PAIRED_KEYS = [CANDIDATE_KEY, BASELINE_KEY, AA_KEY];

const targets: Target[] = [
  { key: CANDIDATE_KEY, name: 'full host', kind: 'full' },
  { key: 'quiet', name: 'full host, console logging off', kind: 'quiet' },
  { key: BASELINE_KEY, name: 'minimal host', kind: 'minimal' },
  // A/A: a second, identical minimal host shows how far two identical servers differ here.
  { key: AA_KEY, name: 'minimal host again (A/A)', kind: 'minimal' },
  // What the library's own work on the headers Azure's front end adds costs, host work aside.
  {
    key: 'minimal-front-end',
    name: "minimal host + Azure's front-end headers",
    kind: 'minimal-front-end',
  },
  // The library's work on the whole request the full host builds, no host code: a faithful floor.
  {
    key: REPLAY_KEY,
    name: "minimal host replaying the full host's worker request",
    kind: 'minimal-replay',
  },
  { key: 'raw', name: 'raw node:http', kind: 'raw' },
];

interface Server {
  target: Target;
  child: ChildProcess;
  url: string;
  /** The paired process: each of its servers' URL by target key. */
  urls?: Record<string, string>;
}

let printedBytes = 0;
let printedLines = 0;
const readersDone: Promise<void>[] = [];

// Reads the full host's stdout in its own process, so this process only generates load (and
// is equally busy for every server).
const COUNT_LINES = `let lines = 0, bytes = 0;
process.stdin.on('data', (chunk) => { bytes += chunk.length; for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines += 1; });
process.stdin.on('end', () => process.stdout.write(JSON.stringify({ lines, bytes })));`;

/** A line-counting process reading a pipe; `counted` resolves when the writer has closed it. */
function startPipeReader(): {
  stdin: Writable;
  counted: Promise<{ lines: number; bytes: number }>;
} {
  const reader = spawn(process.execPath, ['-e', COUNT_LINES], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  reader.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const counted = new Promise<{ lines: number; bytes: number }>((resolve) =>
    reader.once('exit', () => resolve(out ? JSON.parse(out) : { lines: 0, bytes: 0 })),
  );
  return { stdin: reader.stdin, counted };
}

async function startServer(appDir: string, target: Target, stdoutFd: number): Promise<Server> {
  const full = target.kind === 'full' || target.kind === 'paired';
  const reader = full && STDOUT === 'pipe' ? startPipeReader() : undefined;
  const child = fork(here('./bench-servers.ts'), [appDir, target.kind], {
    // --expose-gc: the server process collects each slice's garbage inside that slice.
    execArgv: [
      '--conditions=@cookbook/source',
      '--import',
      'tsx',
      '--expose-gc',
      ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : []),
    ],
    stdio: ['ignore', reader ? reader.stdin : full ? stdoutFd : 'ignore', 'inherit', 'ipc'],
  });
  if (reader) {
    // The server holds its own copy of the pipe; the reader sees its end when the server exits.
    reader.stdin.destroy();
    readersDone.push(
      reader.counted.then(({ lines, bytes }) => {
        printedLines += lines;
        printedBytes += bytes;
      }),
    );
  }
  const ready = await new Promise<{ port: number; ports?: Record<string, number> }>(
    (resolve, reject) => {
      child.once('message', (message) => resolve(message as { port: number }));
      child.once('exit', (code) =>
        reject(new Error(`bench server "${target.kind}" exited with ${code}`)),
      );
    },
  );
  const urlOf = (port: number): string => `http://127.0.0.1:${port}/api/hello`;
  if (!ready.ports) return { target, child, url: urlOf(ready.port) };
  const urls = Object.fromEntries(
    Object.entries(ready.ports).map(([key, port]) => [key, urlOf(port)]),
  );
  return { target, child, url: urls[CANDIDATE_KEY] ?? '', urls };
}

function stopServers(servers: Server[]): Promise<unknown> {
  return Promise.all(
    servers.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          // A clean exit lets --cpu-prof write its profile.
          if (CPU_PROF) child.send('exit');
          else child.kill();
        }),
    ),
  );
}

/** Fresh processes for every target, each checked and warmed up. */
async function startBlock(appDir: string, stdoutFd: number): Promise<Server[]> {
  const launched = await Promise.allSettled(
    targets.map((target) => startServer(appDir, target, stdoutFd)),
  );
  const servers = launched.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const failed = launched.find((result) => result.status === 'rejected');
  if (failed) {
    await stopServers(servers);
    throw failed.reason;
  }
  for (const server of servers) await checkAndWarm(server.target.name, server.url);
  return servers;
}

async function checkAndWarm(name: string, url: string): Promise<void> {
  const text = await (await fetch(url)).text();
  if (text !== 'Hello, World!') throw new Error(`${name} answered "${text}"`);
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS });
}

/** Rounds over the three servers of one process, the order rotating and reversing. */
async function measurePaired(appDir: string, stdoutFd: number): Promise<Round[]> {
  const paired = await startServer(appDir, PAIRED, stdoutFd);
  const rounds: Round[] = [];
  try {
    const urls = paired.urls ?? {};
    for (const key of PAIRED_KEYS) await checkAndWarm(key, urls[key] ?? '');
    for (let round = 0; round < PAIRED_ROUNDS; round += 1) {
      const samples: Round = new Map();
      for (const key of turnOrder(PAIRED_KEYS, round)) {
        samples.set(key, await measureSlice(paired.child, urls[key] ?? '', key, SLICE_LOAD));
      }
      rounds.push(samples);
    }
  } finally {
    await stopServers([paired]);
  }
  return rounds;
}

const started = Date.now();
const loadStart = loadavg();
const loads: number[] = [];
const blocks: Block[] = [];
let pairedRounds: Round[] = [];
const hello = await writeHelloApp();
const outDir = mkdtempSync(join(tmpdir(), 'bench-host-stdout-'));
const stdoutFd = openSync(STDOUT === 'file' ? join(outDir, 'host.log') : '/dev/null', 'w');
try {
  for (let blockIndex = 0; blockIndex < MAX_BLOCKS; blockIndex += 1) {
    const servers = await startBlock(hello.dir, stdoutFd);
    const block: Block = [];
    try {
      for (let round = 0; round < ROUNDS_PER_BLOCK; round += 1) {
        // Rotate the start and reverse every other round, so no server always follows another.
        const samples: Round = new Map();
        for (const { target, child, url } of turnOrder(servers, round + blockIndex)) {
          samples.set(target.key, await measureSlice(child, url, target.name, SLICE_LOAD));
        }
        block.push(samples);
        loads.push(loadavg()[0] ?? 0);
      }
    } finally {
      await stopServers(servers);
    }
    blocks.push(block);
    const { goal, consoleLines } = verdictsOf(blocks);
    const last = (key: string, reference?: string): string =>
      blockCpuRatios(blocks, key, reference).at(-1)?.toFixed(3) ?? '?';
    process.stderr.write(
      `block ${blocks.length}: full ${last(CANDIDATE_KEY)}, A/A ${last(AA_KEY)}, full/quiet ${last(CANDIDATE_KEY, QUIET_KEY)}, replay ${last(REPLAY_KEY)}, load ${loadavg()[0]?.toFixed(2)} -> ${goal.verdict}, console lines ${consoleLines.verdict}\n`,
    );
    // Checked after every block from the minimum on: stop once both verdicts are conclusive.
    const conclusive = goal.verdict !== 'inconclusive' && consoleLines.verdict !== 'inconclusive';
    if (blocks.length >= MIN_BLOCKS && conclusive) break;
  }
  if (PAIRED_ROUNDS > 0) pairedRounds = await measurePaired(hello.dir, stdoutFd);
} finally {
  closeSync(stdoutFd);
  rmSync(outDir, { recursive: true, force: true });
  await hello.remove();
}

interface LineCost {
  allIn: number;
  onCall: number;
}

/**
 * Runs a measurement script in a process of its own and returns the one message it sends.
 * Its stdout is a pipe this process drains (where console lines go), or /dev/null.
 */
async function measureInProcess<T>(
  script: string,
  args: string[],
  stdout: 'pipe' | 'ignore',
): Promise<T> {
  const child = fork(here(script), args, {
    execArgv: ['--conditions=@cookbook/source', '--import', 'tsx'],
    stdio: ['ignore', stdout, 'inherit', 'ipc'],
  });
  child.stdout?.resume();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const result = await new Promise<T>((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  await exited;
  return result;
}

/** One console-line-cost process at `level`, its stdout a pipe. */
const lineCost = (appDir: string, level: string): Promise<LineCost> =>
  measureInProcess('./console-line-cost.ts', [appDir, level, String(LINE_COST_LINES)], 'pipe');

/** One in-process pipeline process at `level`: per round, the µs of host.handle, minimal, replay. */
const hostPipeline = (appDir: string, level: string): Promise<PipelineRound[]> =>
  measureInProcess(
    './host-pipeline.ts',
    [appDir, level, String(PIPELINE_ROUNDS), String(PIPELINE_CALLS)],
    'ignore',
  );

const lineCosts: { on: LineCost[]; off: LineCost[] } = { on: [], off: [] };
const pipeline: { off: PipelineRound[]; on: PipelineRound[] } = { off: [], on: [] };
const lineHello = await writeHelloApp();
try {
  // Alternating processes, lines printed and logging off.
  for (let run = 0; run < LINE_COST_RUNS; run += 1) {
    lineCosts.on.push(await lineCost(lineHello.dir, 'information'));
    lineCosts.off.push(await lineCost(lineHello.dir, 'none'));
  }
  if (PIPELINE_ROUNDS > 0) {
    pipeline.off = await hostPipeline(lineHello.dir, 'none');
    pipeline.on = await hostPipeline(lineHello.dir, 'information');
  }
} finally {
  await lineHello.remove();
}

await Promise.all(readersDone);
const stdoutNote =
  STDOUT === 'pipe'
    ? `a pipe read by a separate process (${printedLines} lines, ${(printedBytes / 1024 / 1024).toFixed(1)} MiB, 2 per request)`
    : STDOUT === 'file'
      ? 'a file'
      : '/dev/null';
console.log(
  formatReport(targets, blocks, {
    connections: CONNECTIONS,
    secondsPerSlice: SECONDS,
    roundsPerBlock: ROUNDS_PER_BLOCK,
    elapsedSeconds: (Date.now() - started) / 1000,
    stdout: stdoutNote,
    load: { start: loadStart, end: loadavg(), min: Math.min(...loads), max: Math.max(...loads) },
    lineCost: {
      lines: LINE_COST_LINES,
      allIn: median(lineCosts.on.map((cost) => cost.allIn)),
      onCall: median(lineCosts.on.map((cost) => cost.onCall)),
      offAllIn: median(lineCosts.off.map((cost) => cost.allIn)),
      offOnCall: median(lineCosts.off.map((cost) => cost.onCall)),
    },
  }),
);
if (pairedRounds.length > 0) console.log(formatPaired(pairedRounds, SECONDS));
if (pipeline.off.length > 0) console.log(formatPipeline(pipeline.off, pipeline.on, PIPELINE_CALLS));
