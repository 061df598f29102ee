/** Median of a non-empty sample (mean of the middle two for even sizes). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** Nanoseconds per call of `fn`, timed over `calls` calls. */
export function nanosPerCall(fn: () => void, calls: number): number {
  const started = process.hrtime.bigint();
  for (let call = 0; call < calls; call += 1) fn();
  return Number(process.hrtime.bigint() - started) / calls;
}
