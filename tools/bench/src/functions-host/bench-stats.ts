/** Median of a sample (mean of the middle two for even sizes); NaN when empty. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface RatioInterval {
  /** Geometric mean of the ratios. */
  center: number;
  /** 95% confidence interval of that mean. */
  low: number;
  high: number;
  n: number;
}

// Two-sided 95% Student t quantiles for 1..30 degrees of freedom (beyond: 1.96 is close enough).
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

/**
 * Geometric mean of ratios with its 95% t-interval, computed on their logarithms (a ratio of 1.1
 * and one of 1/1.1 cancel out). For independent, roughly normal values: one per block of fresh
 * processes. Needs n ≥ 2, else the interval is unbounded.
 */
export function ratioInterval(ratios: readonly number[]): RatioInterval {
  const logs = ratios.map((ratio) => Math.log(ratio));
  const n = logs.length;
  if (n < 2) {
    const only = ratios[0] ?? Number.NaN;
    return { center: only, low: Number.NEGATIVE_INFINITY, high: Number.POSITIVE_INFINITY, n };
  }
  const mean = logs.reduce((sum, value) => sum + value, 0) / n;
  const variance = logs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, n - 1);
  const margin = (T95[n - 2] ?? 1.96) * Math.sqrt(variance / n);
  return { center: Math.exp(mean), low: Math.exp(mean - margin), high: Math.exp(mean + margin), n };
}

/** The verdict rule of the goal "full host indistinguishable from the minimal host". */
export const RULE = {
  /** The noise band is never taken narrower than ±1%: no run can promise less. */
  minBand: 0.01,
  /** A/A wider than ±5%: this run is too noisy to call anything indistinguishable. */
  maxBand: 0.05,
  /** The full host's interval must reach at most this far on each side of its centre. */
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
export function judge(candidate: RatioInterval, aa: RatioInterval): VerdictResult {
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
