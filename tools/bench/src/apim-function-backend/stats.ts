/** Median of a non-empty sample (mean of the middle two for even sizes). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty sample');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Smallest and largest value, for the spread column. */
export function range(values: readonly number[]): { min: number; max: number } {
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** Per-round ratios a[i] / b[i] of two interleaved series. */
export function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, index) => value / (b[index] ?? Number.NaN));
}

/** Per-round differences a[i] - b[i] of two interleaved series. */
export function pairedDifferences(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, index) => value - (b[index] ?? Number.NaN));
}

/**
 * Two-sided sign test on paired rounds, ties dropped: the probability of a split at least this
 * uneven between "a slower" and "a faster" rounds if a and b cost the same.
 */
export function signTest(
  a: readonly number[],
  b: readonly number[],
): { slower: number; n: number; p: number } {
  const differences = pairedDifferences(a, b).filter((difference) => difference !== 0);
  const n = differences.length;
  const slower = differences.filter((difference) => difference > 0).length;
  const extreme = Math.min(slower, n - slower);
  let tail = 0;
  let pmf = 0.5 ** n;
  for (let k = 0; k <= extreme; k += 1) {
    tail += pmf;
    pmf = (pmf * (n - k)) / (k + 1);
  }
  return { slower, n, p: Math.min(1, 2 * tail) };
}
