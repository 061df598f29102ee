import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import autocannon from 'autocannon';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const fixture = here('../test-fixtures/hello');
const CONNECTIONS = 50;
const WARMUP_SECONDS = 1;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 2);
// Rounds alternate the servers so a noisy neighbour on a shared machine hits all of them alike.
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU time per request: robust to other load on a shared machine. */
  cpuMicros: number;
}

const targets = [
  { key: 'full', name: 'full host (createLocalHost + node:http)' },
  { key: 'quiet', name: 'full host, console logging off' },
  { key: 'minimal', name: 'minimal host (invocation model only)' },
  { key: 'raw', name: 'raw node:http' },
] as const;

async function startServers(): Promise<{ child: ChildProcess; ports: Record<string, number> }> {
  const child = fork(here('./bench-servers.ts'), [fixture], {
    execArgv: ['--import', 'tsx'],
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

function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve((message as { cpuMicros: number }).cpuMicros));
    child.send('cpu');
  });
}

async function measure(name: string, child: ChildProcess, port: number): Promise<Row> {
  const url = `http://127.0.0.1:${port}/api/hello`;
  const cpuBefore = await cpuOf(child);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const cpuMicros = ((await cpuOf(child)) - cpuBefore) / Math.max(1, result.requests.total);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicros,
  };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const { child, ports } = await startServers();
const servers = targets.map((target) => ({ ...target, port: ports[target.key] ?? 0 }));
const samples = new Map<string, Row[]>();
try {
  for (const server of servers) {
    const url = `http://127.0.0.1:${server.port}/api/hello`;
    const text = await (await fetch(url)).text();
    if (text !== 'Hello, World!') throw new Error(`${server.name} answered "${text}"`);
    await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS });
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    // Rotate the starting server each round so no server always runs right after another.
    const order = servers.map((_, index) => servers[(index + round) % servers.length]);
    for (const server of order) {
      if (!server) continue;
      const row = await measure(server.name, child, server.port);
      samples.set(server.name, [...(samples.get(server.name) ?? []), row]);
    }
  }
} finally {
  child.kill();
}
const rows: Row[] = servers.map(({ name }) => {
  const runs = samples.get(name) ?? [];
  return {
    name,
    rps: median(runs.map((run) => run.rps)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    cpuMicros: median(runs.map((run) => run.cpuMicros)),
  };
});

const [full, , minimal, raw] = rows;
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const throughput = (a?: Row, b?: Row): string => (a && b ? percent(a.rps / b.rps) : '');
// Capacity from CPU time per request: the share of b's requests/s a would reach on the same CPU.
const capacity = (a?: Row, b?: Row): string => (a && b ? percent(b.cpuMicros / a.cpuMicros) : '');
const pad = (text: string, width: number): string => text.padEnd(width);
console.log(
  `\nGET /api/hello, ${CONNECTIONS} connections, loopback; median of ${ROUNDS} alternating ${SECONDS}s rounds per server (one run)\n`,
);
console.log(
  `| ${pad('server', 40)} | req/s  | p50 ms | p99 ms | CPU µs/req | req/s vs minimal | CPU capacity vs minimal | req/s vs raw |`,
);
console.log(
  `| ${'-'.repeat(40)} | ------ | ------ | ------ | ---------- | ---------------- | ----------------------- | ------------ |`,
);
for (const row of rows) {
  console.log(
    `| ${pad(row.name, 40)} | ${pad(row.rps.toFixed(0), 6)} | ${pad(String(row.p50), 6)} | ${pad(String(row.p99), 6)} | ${pad(row.cpuMicros.toFixed(0), 10)} | ${pad(throughput(row, minimal), 16)} | ${pad(capacity(row, minimal), 23)} | ${pad(throughput(row, raw), 12)} |`,
  );
}
if (full && minimal) {
  const rpsRatio = full.rps / minimal.rps;
  const cpuRatio = minimal.cpuMicros / full.cpuMicros;
  console.log(
    `\nGoal: full host >= 90% of the minimal host's throughput -> ${percent(rpsRatio)} of its req/s: ${rpsRatio >= 0.9 ? 'met' : 'NOT met'}.`,
  );
  console.log(
    `CPU per request: ${full.cpuMicros.toFixed(0)} vs ${minimal.cpuMicros.toFixed(0)} µs (${percent(cpuRatio)} of its capacity per CPU second).`,
  );
}
