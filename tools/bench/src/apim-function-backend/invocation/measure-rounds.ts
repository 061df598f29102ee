/** Runs `count` invocations of one variant and answers with microseconds per invocation. */
export interface BatchRunner {
  readonly name: string;
  runBatch(count: number): Promise<number>;
}

export interface RoundOptions {
  rounds: number;
  /** Calls per variant and round, split into `slices` batches spread over the round. */
  perRound: number;
  slices: number;
  /** Calls per variant before the first round, so V8 has optimised the hot path. */
  warmup: number;
}

/**
 * One µs/invocation sample per round and variant. Within a round the variants alternate slice by
 * slice (the first one rotates per round) and a round's sample is its fastest slice: outside load
 * only ever adds time, so the fastest slice is the least disturbed one.
 */
export async function measureRounds(
  runners: readonly BatchRunner[],
  options: RoundOptions,
): Promise<Map<string, number[]>> {
  for (const runner of runners) await runner.runBatch(options.warmup);
  const perSlice = Math.max(1, Math.round(options.perRound / options.slices));
  const samples = new Map<string, number[]>(runners.map((runner) => [runner.name, []]));
  for (let round = 0; round < options.rounds; round += 1) {
    const fastest = new Map<string, number>();
    for (let slice = 0; slice < options.slices; slice += 1) {
      for (let offset = 0; offset < runners.length; offset += 1) {
        const runner = runners[(round + offset) % runners.length] as BatchRunner;
        const micros = await runner.runBatch(perSlice);
        fastest.set(runner.name, Math.min(micros, fastest.get(runner.name) ?? Infinity));
      }
    }
    for (const [name, micros] of fastest) samples.get(name)?.push(micros);
  }
  return samples;
}
