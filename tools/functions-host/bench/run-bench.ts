import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import autocannon from 'autocannon';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const fixture = here('../test-fixtures/hello');
const CONNECTIONS = 50;
const WARMUP_SECONDS = 1;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
// Rounds alternate the servers so a noisy neighbour on a shared machine hits all of them alike.
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
}

const targets = [
  { name: 'full host (createLocalHost + node:http)', file: here('./full-host.ts') },
  { name: 'minimal host (invocation model only)', file: here('./minimal-host.ts') },
  { name: 'raw node:http', file: here('./raw-node-http.ts') },
];

async function start(file: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(file, [fixture], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  return { child, port };
}

async function measure(name: string, port: number): Promise<Row> {
  const url = `http://127.0.0.1:${port}/api/hello`;
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const servers = await Promise.all(
  targets.map(async (target) => ({ ...target, ...(await start(target.file)) })),
);
const samples = new Map<string, Row[]>();
try {
  for (const server of servers) {
    const url = `http://127.0.0.1:${server.port}/api/hello`;
    const text = await (await fetch(url)).text();
    if (text !== 'Hello, World!') throw new Error(`${server.name} answered "${text}"`);
    await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS });
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const server of servers) {
      const row = await measure(server.name, server.port);
      samples.set(server.name, [...(samples.get(server.name) ?? []), row]);
    }
  }
} finally {
  for (const server of servers) server.child.kill();
}
const rows: Row[] = servers.map(({ name }) => {
  const runs = samples.get(name) ?? [];
  return {
    name,
    rps: median(runs.map((run) => run.rps)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
  };
});

const [full, minimal, raw] = rows;
const ratio = (a?: Row, b?: Row): string =>
  a && b ? `${((a.rps / b.rps) * 100).toFixed(1)}%` : '';
const pad = (text: string, width: number): string => text.padEnd(width);
console.log(
  `\nGET /api/hello, ${CONNECTIONS} connections, loopback; median of ${ROUNDS} alternating ${SECONDS}s rounds per server (one run)\n`,
);
console.log(`| ${pad('server', 40)} | req/s    | p50 ms | p99 ms | vs minimal | vs raw |`);
console.log(`| ${'-'.repeat(40)} | -------- | ------ | ------ | ---------- | ------ |`);
for (const row of rows) {
  console.log(
    `| ${pad(row.name, 40)} | ${pad(row.rps.toFixed(0), 8)} | ${pad(String(row.p50), 6)} | ${pad(String(row.p99), 6)} | ${pad(ratio(row, minimal), 10)} | ${pad(ratio(row, raw), 6)} |`,
  );
}
const goal = full && minimal ? full.rps / minimal.rps : 0;
console.log(
  `\nfull host / minimal host = ${(goal * 100).toFixed(1)}% (goal: >= 90%)${goal >= 0.9 ? '' : '  BELOW GOAL'}`,
);
void raw;
