/** Median of a sample (mean of the middle two for even sizes); NaN when empty. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface MedianInterval {
  median: number;
  /** Distribution-free 95% confidence interval of the median (order statistics). */
  low: number;
  high: number;
  n: number;
}

/**
 * The median with its distribution-free 95% interval: the k-th smallest and k-th largest values,
 * k the largest rank with P(Binomial(n, ½) < k) ≤ 2.5%. It assumes nothing about the noise's
 * shape, and one load spike moves it by at most one rank. Needs n ≥ 6, else the interval is
 * the whole range and reported as unbounded.
 */
export function medianInterval(values: readonly number[]): MedianInterval {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let k = 0;
  let cumulative = 0;
  let pmf = 0.5 ** n;
  // cumulative = P(B <= j); rank j + 1 qualifies while P(B <= j) <= 2.5%.
  for (let j = 0; j < n; j += 1) {
    cumulative += pmf;
    if (cumulative > 0.025) break;
    k = j + 1;
    pmf = (pmf * (n - j)) / (j + 1);
  }
  return {
    median: median(sorted),
    low: k > 0 ? (sorted[k - 1] as number) : Number.NEGATIVE_INFINITY,
    high: k > 0 ? (sorted[n - k] as number) : Number.POSITIVE_INFINITY,
    n,
  };
}

/** The verdict rule of the goal "full host indistinguishable from the minimal host". */
export const RULE = {
  /** The noise band is never taken narrower than ±1%: no run can promise less. */
  minBand: 0.01,
  /** A/A wider than ±5%: this run is too noisy to call anything indistinguishable. */
  maxBand: 0.05,
  /** The full host's interval must be at most this wide on each side of its median… */
  maxHalfWidth: 0.03,
} as const;

export type Verdict = 'indistinguishable' | 'slower' | 'faster' | 'inconclusive';

export interface VerdictResult {
  verdict: Verdict;
  /** Half-width of the A/A noise band around 1. */
  band: number;
  reason: string;
}

/**
 * `candidate` and `aa` are per-round CPU-per-request ratios to the minimal host (1 = same cost).
 * The noise band is 1 ± h, h = how far the A/A interval reaches from 1 (at least 1%).
 * indistinguishable: the A/A band is at most ±5%, the candidate's interval lies inside the band,
 * and its half-width is at most 3%. slower / faster: the whole interval lies beyond the band.
 * Anything else: inconclusive, more rounds needed.
 */
export function judge(candidate: MedianInterval, aa: MedianInterval): VerdictResult {
  const band = Math.max(RULE.minBand, Math.abs(aa.low - 1), Math.abs(aa.high - 1));
  const halfWidth = (candidate.high - candidate.low) / 2;
  const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
  if (candidate.low > 1 + band) {
    return { verdict: 'slower', band, reason: `its whole interval is above 1 + ${pct(band)}` };
  }
  if (candidate.high < 1 - band) {
    return { verdict: 'faster', band, reason: `its whole interval is below 1 - ${pct(band)}` };
  }
  if (!(band <= RULE.maxBand)) {
    return {
      verdict: 'inconclusive',
      band,
      reason: `the A/A band (±${pct(band)}) is wider than ±${pct(RULE.maxBand)}`,
    };
  }
  if (!(halfWidth <= RULE.maxHalfWidth)) {
    return {
      verdict: 'inconclusive',
      band,
      reason: `its interval (±${pct(halfWidth)}) is wider than ±${pct(RULE.maxHalfWidth)}`,
    };
  }
  if (candidate.low >= 1 - band && candidate.high <= 1 + band) {
    return {
      verdict: 'indistinguishable',
      band,
      reason: `its interval lies inside the A/A band 1 ± ${pct(band)}`,
    };
  }
  return {
    verdict: 'inconclusive',
    band,
    reason: `its interval straddles the edge of the A/A band 1 ± ${pct(band)}`,
  };
}
