/** Runs `count` invocations of one variant and answers with microseconds per invocation. */
export interface BatchRunner {
  readonly name: string;
  runBatch(count: number): Promise<number>;
}

/**
 * One µs/invocation sample per round and variant, after a warm-up long enough for V8 to finish
 * optimising the hot path. Variants alternate
 * within a round and the first one rotates, so machine noise lands on all of them alike.
 */
export async function measureRounds(
  runners: readonly BatchRunner[],
  options: { rounds: number; perRound: number; warmup: number },
): Promise<Map<string, number[]>> {
  for (const runner of runners) await runner.runBatch(options.warmup);
  const samples = new Map<string, number[]>(runners.map((runner) => [runner.name, []]));
  for (let round = 0; round < options.rounds; round += 1) {
    for (let offset = 0; offset < runners.length; offset += 1) {
      const runner = runners[(round + offset) % runners.length] as BatchRunner;
      samples.get(runner.name)?.push(await runner.runBatch(options.perRound));
    }
  }
  return samples;
}
