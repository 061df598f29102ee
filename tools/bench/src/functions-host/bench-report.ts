export interface Target {
  key: string;
  name: string;
  /** Which server answers: full, quiet, minimal or raw. */
  kind: string;
}

export interface Sample {
  rps: number;
  p50: number;
  p99: number;
  /** Server-process CPU time per request. */
  cpuMicrosPerRequest: number;
}

export interface ReportOptions {
  connections: number;
  seconds: number;
  elapsedSeconds: number;
}

const GOAL = 0.9;
const CANDIDATE = 'full';
const REPEAT = 'minimal-again';

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};

/** Key under which a round stores the baseline sample taken at the same moment as `key`. */
export const pairedKey = (baselineKey: string, key: string): string => `${baselineKey}@${key}`;

export interface PairedRatios {
  /** Median over rounds of (this req/s ÷ minimal req/s from the same round). */
  rps: number;
  rpsLow: number;
  rpsHigh: number;
  /** Median over rounds of (minimal CPU µs/req ÷ this CPU µs/req): req/s on equal CPU. */
  capacity: number;
  capacityLow: number;
  capacityHigh: number;
}

export function pairedRatios(
  rounds: Map<string, Sample>[],
  key: string,
  baselineKey: string,
): PairedRatios {
  const rps: number[] = [];
  const capacity: number[] = [];
  for (const round of rounds) {
    const sample = round.get(key);
    const base = round.get(pairedKey(baselineKey, key));
    if (!sample || !base) continue;
    rps.push(sample.rps / base.rps);
    capacity.push(base.cpuMicrosPerRequest / sample.cpuMicrosPerRequest);
  }
  return {
    rps: median(rps),
    rpsLow: Math.min(...rps),
    rpsHigh: Math.max(...rps),
    capacity: median(capacity),
    capacityLow: Math.min(...capacity),
    capacityHigh: Math.max(...capacity),
  };
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const span = (low: number, high: number): string =>
  `${(low * 100).toFixed(0)}–${(high * 100).toFixed(0)}%`;

/** The printed result: a Markdown table plus the verdict on the ≥ 90% goal. */
export function formatReport(
  baseline: Target,
  targets: Target[],
  rounds: Map<string, Sample>[],
  options: ReportOptions,
): string {
  const header = [
    'server',
    'req/s',
    'p50 ms',
    'p99 ms',
    'CPU µs/req',
    'req/s vs minimal',
    'CPU capacity vs minimal',
    'capacity, all rounds',
  ];
  const medianOf = (keys: (key: string) => boolean, pick: (sample: Sample) => number): number =>
    median(
      rounds.flatMap((round) => [...round].filter(([key]) => keys(key)).map(([, s]) => pick(s))),
    );
  const row = (name: string, keys: (key: string) => boolean, ratios?: PairedRatios): string[] => [
    name,
    medianOf(keys, (s) => s.rps).toFixed(0),
    medianOf(keys, (s) => s.p50).toFixed(0),
    medianOf(keys, (s) => s.p99).toFixed(0),
    medianOf(keys, (s) => s.cpuMicrosPerRequest).toFixed(0),
    ratios ? percent(ratios.rps) : '100%',
    ratios ? percent(ratios.capacity) : '100%',
    ratios ? span(ratios.capacityLow, ratios.capacityHigh) : '',
  ];
  const targetRows = targets.map((target) =>
    row(target.name, (key) => key === target.key, pairedRatios(rounds, target.key, baseline.key)),
  );
  const baselineRow = row(`${baseline.name} (baseline)`, (key) => key === baseline.key);
  // Baseline after the full-host rows, before the A/A and raw rows.
  const rows = [...targetRows.slice(0, 2), baselineRow, ...targetRows.slice(2)];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;

  const full = pairedRatios(rounds, CANDIDATE, baseline.key);
  const noise = pairedRatios(rounds, REPEAT, baseline.key);
  const met = full.capacity >= GOAL;
  const band = Math.max(Math.abs(1 - noise.capacity), 0.005);
  const close = Math.abs(full.capacity - GOAL) <= band;
  return [
    '',
    `GET /api/hello, ${options.connections} connections per server, loopback. Each server in its own process (the A/A copy too), loaded one at a time; ${rounds.length} interleaved rounds of ${options.seconds}s per server, order rotating and reversing; medians (one run, ${options.elapsedSeconds.toFixed(0)} s).`,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    'Ratios are medians of per-round ratios to the minimal host in the same round (the mean of its two slices; A/A: one slice vs the other). CPU capacity = minimal CPU µs/req ÷ this CPU µs/req (the req/s each reaches on equal CPU).',
    `Noise floor (A/A, minimal host vs itself): CPU capacity ${percent(noise.capacity)} (rounds ${span(noise.capacityLow, noise.capacityHigh)}), req/s ${percent(noise.rps)} (rounds ${span(noise.rpsLow, noise.rpsHigh)}).`,
    `Raw req/s ratio, full vs minimal: ${percent(full.rps)} (rounds ${span(full.rpsLow, full.rpsHigh)}).`,
    `VERDICT: full host >= 90% of the minimal host's throughput (by CPU capacity): ${percent(full.capacity)} -> ${met ? 'MET' : 'MISSED'}${close ? ' (closer to 90% than the A/A offset: not conclusive)' : ''}.`,
  ].join('\n');
}
