import type { BenchServer } from '../servers/start-server.js';
import type { LoadClient } from './send-requests.js';

/** One measured variant: the process whose CPU counts, and the client that loads it. */
export interface Variant {
  name: string;
  server: BenchServer;
  client: LoadClient;
  /** The backend the server forwards to (the local host), whose CPU per request is read too. */
  backend?: BenchServer;
  /** Work done before a batch, outside the measured window (e.g. minting tokens). */
  prepare?: (count: number) => Promise<void>;
}

export interface RoundResults {
  /** CPU µs per request of the variant's server process, one value per round. */
  cpuMicros: Map<string, number[]>;
  /** CPU µs per request of the backend host during the same slices (0 without a backend). */
  backendCpuMicros: Map<string, number[]>;
  /** Server + backend CPU µs per request: the whole path a client's request costs. */
  pathCpuMicros: Map<string, number[]>;
  /** Wall-clock requests per second of the same slices (informative; the machine is shared). */
  wallRps: Map<string, number[]>;
}

interface Best {
  cpu: number;
  backend: number;
  path: number;
  rps: number;
}

/**
 * Interleaved rounds: each round gives every variant `slices` batches, alternating with the other
 * variants (the starting variant rotates); the fastest slice counts for the round, because outside
 * load only ever adds time. Slices run one at a time, so the shared backend serves only the
 * current variant's requests while its CPU is read.
 */
export async function measureRounds(
  variants: readonly Variant[],
  options: { rounds: number; requestsPerRound: number; slices: number },
  onRound?: (round: number) => void,
): Promise<RoundResults> {
  const series = (): Map<string, number[]> =>
    new Map(variants.map((v) => [v.name, [] as number[]]));
  const results: RoundResults = {
    cpuMicros: series(),
    backendCpuMicros: series(),
    pathCpuMicros: series(),
    wallRps: series(),
  };
  const perSlice = Math.max(1, Math.round(options.requestsPerRound / options.slices));
  for (let round = 0; round < options.rounds; round += 1) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length] as Variant);
    const best = new Map<string, Best>(
      variants.map((v) => [v.name, { cpu: Infinity, backend: Infinity, path: Infinity, rps: 0 }]),
    );
    for (let slice = 0; slice < options.slices; slice += 1) {
      for (const variant of order) {
        await variant.prepare?.(perSlice);
        const [cpuBefore, backendBefore] = await Promise.all([
          variant.server.cpuMicros(),
          variant.backend?.cpuMicros() ?? 0,
        ]);
        const started = performance.now();
        await variant.client.send(perSlice);
        const seconds = (performance.now() - started) / 1000;
        const [cpuAfter, backendAfter] = await Promise.all([
          variant.server.cpuMicros(),
          variant.backend?.cpuMicros() ?? 0,
        ]);
        const cpu = (cpuAfter - cpuBefore) / perSlice;
        const backend = (backendAfter - backendBefore) / perSlice;
        const entry = best.get(variant.name) as Best;
        entry.cpu = Math.min(entry.cpu, cpu);
        entry.backend = Math.min(entry.backend, backend);
        entry.path = Math.min(entry.path, cpu + backend);
        entry.rps = Math.max(entry.rps, perSlice / seconds);
      }
    }
    for (const [name, entry] of best) {
      results.cpuMicros.get(name)?.push(entry.cpu);
      results.backendCpuMicros.get(name)?.push(entry.backend);
      results.pathCpuMicros.get(name)?.push(entry.path);
      results.wallRps.get(name)?.push(entry.rps);
    }
    onRound?.(round);
  }
  return results;
}
