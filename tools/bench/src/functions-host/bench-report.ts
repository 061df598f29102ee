import {
  judge,
  median,
  type MedianInterval,
  medianInterval,
  type VerdictResult,
} from './bench-stats.js';

export interface Target {
  key: string;
  name: string;
  /** Which server answers: full, quiet, minimal or raw. */
  kind: 'full' | 'quiet' | 'minimal' | 'raw';
}

export interface Sample {
  rps: number;
  p50: number;
  p99: number;
  /** Server-process CPU time (user + system, all threads) per request. */
  cpuMicrosPerRequest: number;
}

/** One round: a sample per server key, all taken back to back. */
export type Round = Map<string, Sample>;

export interface RunInfo {
  connections: number;
  requestsPerSlice: number;
  elapsedSeconds: number;
  stdout: string;
  /** 1-minute load average at the start and end, and its range over the rounds. */
  load: { start: number[]; end: number[]; min: number; max: number };
}

export const BASELINE_KEY = 'minimal';
export const AA_KEY = 'minimal-again';
export const CANDIDATE_KEY = 'full';

/** Per-round ratios key ÷ baseline of the same round, for one measure. */
function ratios(rounds: Round[], key: string, pick: (sample: Sample) => number): number[] {
  const values: number[] = [];
  for (const round of rounds) {
    const sample = round.get(key);
    const base = round.get(BASELINE_KEY);
    if (sample && base) values.push(pick(sample) / pick(base));
  }
  return values;
}

/** CPU µs per request of `key` ÷ the minimal host's, per round: 1 = same cost, 1.1 = 10% more. */
export const cpuRatios = (rounds: Round[], key: string): MedianInterval =>
  medianInterval(ratios(rounds, key, (sample) => sample.cpuMicrosPerRequest));

/** The goal's verdict after these rounds. */
export function verdictOf(rounds: Round[]): VerdictResult {
  return judge(cpuRatios(rounds, CANDIDATE_KEY), cpuRatios(rounds, AA_KEY));
}

const times = (value: number): string =>
  Number.isFinite(value) ? `${value.toFixed(3)}×` : value > 0 ? '∞' : '−∞';
const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** The printed result: a Markdown table, the noise band and the verdict. */
export function formatReport(targets: Target[], rounds: Round[], info: RunInfo): string {
  const header = [
    'server',
    'req/s',
    'p50 ms',
    'p99 ms',
    'CPU µs/req',
    'CPU/req vs minimal',
    '95% interval',
    'req/s vs minimal',
  ];
  const rows = targets.map((target) => {
    const samples = rounds.flatMap((round) => round.get(target.key) ?? []);
    const of = (pick: (sample: Sample) => number): number => median(samples.map(pick));
    const baseline = target.key === BASELINE_KEY;
    const cpu = cpuRatios(rounds, target.key);
    return [
      baseline ? `${target.name} (baseline)` : target.name,
      of((s) => s.rps).toFixed(0),
      of((s) => s.p50).toFixed(1),
      of((s) => s.p99).toFixed(1),
      of((s) => s.cpuMicrosPerRequest).toFixed(0),
      baseline ? '1' : times(cpu.median),
      baseline ? '' : `${times(cpu.low)}–${times(cpu.high)}`,
      baseline ? '100%' : pct(median(ratios(rounds, target.key, (s) => s.rps))),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;

  const full = cpuRatios(rounds, CANDIDATE_KEY);
  const aa = cpuRatios(rounds, AA_KEY);
  const verdict = judge(full, aa);
  const load = info.load;
  const loads = (values: number[]): string => values.map((value) => value.toFixed(2)).join(' ');
  const outcome =
    verdict.verdict === 'indistinguishable'
      ? 'INDISTINGUISHABLE'
      : verdict.verdict === 'slower'
        ? `SLOWER by ${pct(full.median - 1)}`
        : verdict.verdict === 'faster'
          ? `FASTER by ${pct(1 - full.median)}`
          : 'INCONCLUSIVE — more rounds (BENCH_MAX_ROUNDS) or a quieter machine';
  return [
    '',
    `GET /api/hello, ${info.connections} connections, loopback, Node ${process.version}. Each server in its own process (the A/A copy too), loaded one at a time; ${rounds.length} interleaved rounds of ${info.requestsPerSlice} requests per server, order rotating and reversing (${info.elapsedSeconds.toFixed(0)} s). Full host stdout: ${info.stdout}.`,
    `Load average (uptime): ${loads(load.start)} at the start, 1-min ${load.min.toFixed(2)}–${load.max.toFixed(2)} during the rounds, ${loads(load.end)} at the end.`,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    "CPU/req vs minimal: per round, the server process's CPU µs per request ÷ the minimal host's in the same round (1 = same cost); median over rounds and its distribution-free 95% interval. req/s vs minimal: median per-round ratio (wall clock, noisy on a shared machine).",
    `A/A noise band (minimal host vs a second copy of itself): 1 ± ${pct(verdict.band)} (A/A interval ${times(aa.low)}–${times(aa.high)}).`,
    `VERDICT: full host (func-style console lines on) vs the minimal host, CPU per request: ${times(full.median)} (${times(full.low)}–${times(full.high)}) -> ${outcome}: ${verdict.reason}.`,
  ].join('\n');
}
