import type { ChildProcess } from 'node:child_process';

import autocannon from 'autocannon';

import type { Sample } from './bench-report.js';

// autocannon stops only on a sample tick: a short tick lets a slice end on time.
const SAMPLE_MS = 50;

/** CPU time (user + system) the server process has used so far, read inside that process. */
function cpuOf(child: ChildProcess, moment: 'start' | 'end'): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve((message as { cpuMicros: number }).cpuMicros));
    child.send(`cpu-${moment}`);
  });
}

/** One slice of load on `url`, with the CPU time the serving process spent on it per request. */
export async function measureSlice(
  child: ChildProcess,
  url: string,
  name: string,
  load: { connections: number; seconds: number },
): Promise<Sample> {
  const cpuBefore = await cpuOf(child, 'start');
  const result = await autocannon({
    url,
    connections: load.connections,
    duration: load.seconds,
    sampleInt: SAMPLE_MS,
  });
  const cpuMicros = (await cpuOf(child, 'end')) - cpuBefore;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return {
    // The run's own length: it overruns `duration` by up to one sample tick.
    rps: result.requests.total / Math.max(result.duration, SAMPLE_MS / 1000),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicrosPerRequest: cpuMicros / Math.max(1, result.requests.total),
  };
}
