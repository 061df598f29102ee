import type { BenchServer } from '../servers/start-server.js';
import type { LoadClient } from './send-requests.js';

/** One measured variant: the process whose CPU counts, and the client that loads it. */
export interface Variant {
  name: string;
  server: BenchServer;
  client: LoadClient;
  /** Work done before a batch, outside the measured window (e.g. minting tokens). */
  prepare?: (count: number) => Promise<void>;
}

export interface RoundResults {
  /** CPU µs per request of the variant's server process, one value per round. */
  cpuMicros: Map<string, number[]>;
  /** Wall-clock requests per second of the same slices (informative; the machine is shared). */
  wallRps: Map<string, number[]>;
}

/**
 * Interleaved rounds: each round gives every variant `slices` batches, alternating with the other
 * variants (the starting variant rotates); the fastest slice counts for the round, because outside
 * load only ever adds time.
 */
export async function measureRounds(
  variants: readonly Variant[],
  options: { rounds: number; requestsPerRound: number; slices: number },
  onRound?: (round: number) => void,
): Promise<RoundResults> {
  const cpuMicros = new Map(variants.map((v) => [v.name, [] as number[]]));
  const wallRps = new Map(variants.map((v) => [v.name, [] as number[]]));
  const perSlice = Math.max(1, Math.round(options.requestsPerRound / options.slices));
  for (let round = 0; round < options.rounds; round += 1) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length] as Variant);
    const best = new Map(variants.map((v) => [v.name, { cpu: Infinity, rps: 0 }]));
    for (let slice = 0; slice < options.slices; slice += 1) {
      for (const variant of order) {
        await variant.prepare?.(perSlice);
        const cpuBefore = await variant.server.cpuMicros();
        const started = performance.now();
        await variant.client.send(perSlice);
        const seconds = (performance.now() - started) / 1000;
        const cpu = ((await variant.server.cpuMicros()) - cpuBefore) / perSlice;
        const entry = best.get(variant.name) as { cpu: number; rps: number };
        entry.cpu = Math.min(entry.cpu, cpu);
        entry.rps = Math.max(entry.rps, perSlice / seconds);
      }
    }
    for (const [name, { cpu, rps }] of best) {
      cpuMicros.get(name)?.push(cpu);
      wallRps.get(name)?.push(rps);
    }
    onRound?.(round);
  }
  return { cpuMicros, wallRps };
}
