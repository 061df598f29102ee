import {
  judge,
  median,
  type RatioInterval,
  ratioInterval,
  RULE,
  type VerdictResult,
} from './bench-stats.js';

export interface Target {
  key: string;
  name: string;
  /**
   * Which server answers: full, quiet, minimal (optionally with Azure's front-end headers, or
   * replaying the whole worker request the full host builds) or raw.
   */
  kind: 'full' | 'quiet' | 'minimal' | 'minimal-front-end' | 'minimal-replay' | 'raw' | 'paired';
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

/** The rounds of one set of fresh server processes. */
export type Block = Round[];

export interface RunInfo {
  connections: number;
  secondsPerSlice: number;
  roundsPerBlock: number;
  elapsedSeconds: number;
  stdout: string;
  /** CPU µs per console line measured in-process (medians over processes), lines on and off. */
  lineCost: { lines: number; allIn: number; onCall: number; offAllIn: number; offOnCall: number };
  /** 1-minute load average at the start and end, and its range over the rounds. */
  load: { start: number[]; end: number[]; min: number; max: number };
}

export const BASELINE_KEY = 'minimal';
export const AA_KEY = 'minimal-again';
export const CANDIDATE_KEY = 'full';
/** The full host with console logging off: full ÷ quiet is what the console lines cost. */
export const QUIET_KEY = 'quiet';
/** The minimal host replaying the full host's worker request: the floor of a faithful host. */
export const REPLAY_KEY = 'minimal-replay';

/** Per-round ratios key ÷ reference of the same round, for one measure. */
function ratios(
  rounds: Round[],
  key: string,
  pick: (sample: Sample) => number,
  reference = BASELINE_KEY,
): number[] {
  const values: number[] = [];
  for (const round of rounds) {
    const sample = round.get(key);
    const base = round.get(reference);
    if (sample && base) values.push(pick(sample) / pick(base));
  }
  return values;
}

/** Per block: the median over its rounds of key's CPU µs/req ÷ the reference's (1 = same). */
export const blockCpuRatios = (blocks: Block[], key: string, reference = BASELINE_KEY): number[] =>
  blocks.map((rounds) =>
    median(ratios(rounds, key, (sample) => sample.cpuMicrosPerRequest, reference)),
  );

/** CPU per request of `key` vs the reference over all blocks: 1.1 = 10% more CPU. */
export const cpuRatio = (blocks: Block[], key: string, reference = BASELINE_KEY): RatioInterval =>
  ratioInterval(blockCpuRatios(blocks, key, reference));

/** The goal's verdict after these blocks, and the one on what the console lines alone cost. */
export function verdictsOf(blocks: Block[]): { goal: VerdictResult; consoleLines: VerdictResult } {
  const aa = cpuRatio(blocks, AA_KEY);
  return {
    goal: judge(cpuRatio(blocks, CANDIDATE_KEY), aa),
    consoleLines: judge(cpuRatio(blocks, CANDIDATE_KEY, QUIET_KEY), aa),
  };
}

const times = (value: number): string =>
  Number.isFinite(value) ? `${value.toFixed(3)}×` : value > 0 ? '∞' : '−∞';
const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
const us = (value: number): string => value.toFixed(2);

function outcome(ratio: RatioInterval, result: VerdictResult): string {
  if (result.verdict === 'indistinguishable') return 'INDISTINGUISHABLE';
  if (result.verdict === 'slower') return `SLOWER by ${pct(ratio.center - 1)}`;
  if (result.verdict === 'faster') return `FASTER by ${pct(1 - ratio.center)}`;
  return 'INCONCLUSIVE — more blocks or rounds, or a quieter machine';
}

/** The printed result: a Markdown table, the noise band and the verdict. */
export function formatReport(targets: Target[], blocks: Block[], info: RunInfo): string {
  const rounds = blocks.flat();
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
    const cpu = cpuRatio(blocks, target.key);
    return [
      baseline ? `${target.name} (baseline)` : target.name,
      of((s) => s.rps).toFixed(0),
      of((s) => s.p50).toFixed(1),
      of((s) => s.p99).toFixed(1),
      of((s) => s.cpuMicrosPerRequest).toFixed(0),
      baseline ? '1' : times(cpu.center),
      baseline ? '' : `${times(cpu.low)}–${times(cpu.high)}`,
      baseline ? '100%' : pct(median(ratios(rounds, target.key, (s) => s.rps))),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;

  const full = cpuRatio(blocks, CANDIDATE_KEY);
  const aa = cpuRatio(blocks, AA_KEY);
  const perBlock = (key: string): string =>
    blockCpuRatios(blocks, key)
      .map((ratio) => ratio.toFixed(3))
      .join(' ');
  const verdict = judge(full, aa);
  const load = info.load;
  const loads = (values: number[]): string => values.map((value) => value.toFixed(2)).join(' ');
  const lines = cpuRatio(blocks, CANDIDATE_KEY, QUIET_KEY);
  const linesVerdict = judge(lines, aa);
  const floor = cpuRatio(blocks, REPLAY_KEY);
  const floorVerdict = judge(floor, aa);
  // The rule never accepts a band wider than RULE.maxBand: a floor above it rules out the goal.
  const floorBeyondRule =
    floor.low > 1 + RULE.maxBand
      ? ` Its whole interval is also above 1 + ${pct(RULE.maxBand)}, the widest A/A band the rule accepts, so no host that sends what Azure sends can be judged INDISTINGUISHABLE from the minimal host in this run.`
      : '';
  const ownCode = cpuRatio(blocks, CANDIDATE_KEY, REPLAY_KEY);
  const ownCodeVerdict = judge(ownCode, aa);
  const interval = (ratio: RatioInterval): string =>
    `${times(ratio.center)} (${times(ratio.low)}–${times(ratio.high)})`;
  return [
    '',
    `GET /api/hello, ${info.connections} connections, loopback, Node ${process.version}. ${blocks.length} blocks, each a fresh process per server (the A/A copy too), warmed up, then ${info.roundsPerBlock} interleaved rounds of ${info.secondsPerSlice} s per server, one server loaded at a time, order rotating and reversing (${rounds.length} rounds, ${info.elapsedSeconds.toFixed(0)} s). Full host stdout: ${info.stdout}.`,
    `Load average (uptime): ${loads(load.start)} at the start, 1-min ${load.min.toFixed(2)}–${load.max.toFixed(2)} during the rounds, ${loads(load.end)} at the end.`,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    "CPU/req vs minimal: per round, the server process's CPU µs per request ÷ the minimal host's in the same round (1 = same cost); per block the median of its rounds; then the geometric mean over blocks and its 95% t-interval. req/s vs minimal: median per-round ratio (wall clock, noisy on a shared machine).",
    `Per block, full host: ${perBlock(CANDIDATE_KEY)}; A/A: ${perBlock(AA_KEY)}.`,
    `A/A noise band (minimal host vs a second copy of itself): 1 ± ${pct(verdict.band)} (A/A interval ${times(aa.low)}–${times(aa.high)}).`,
    `Console lines (full host ÷ the same host with console logging off, per round): ${interval(lines)} -> ${outcome(lines, linesVerdict)}: ${linesVerdict.reason}.`,
    `One console line on its own (in-process: a worker log through \`@azure/functions-core\` into the host's default sink, stdout a pipe, 40 lines per event-loop turn, ${info.lineCost.lines} lines per process, medians of alternating processes): ${us(info.lineCost.allIn - info.lineCost.offAllIn)} µs CPU per line all-in, ${us(info.lineCost.onCall)} µs of it in the logging call (logging off: ${us(info.lineCost.offOnCall)} µs in the call).`,
    `Floor of a faithful host (the minimal host replaying the worker request the full host builds: Azure's front-end headers, nullable maps, trace context; none of the host's code) vs the minimal host: ${interval(floor)} -> ${outcome(floor, floorVerdict)}: ${floorVerdict.reason}.${floorBeyondRule}`,
    `The host's own code over that floor (full host ÷ the replaying host, per round): ${interval(ownCode)} -> ${outcome(ownCode, ownCodeVerdict)}: ${ownCodeVerdict.reason}.`,
    `VERDICT: full host (func-style console lines on) vs the minimal host, CPU per request: ${interval(full)} -> ${outcome(full, verdict)}: ${verdict.reason}.`,
  ].join('\n');
}

/**
 * The paired phase: the full host and two minimal hosts served by one process, one slice each per
 * round. Each round counts as a block of one (the rounds share a process, so the interval is
 * narrower than independent blocks would give; the A/A copy in the same process shows how much).
 */
export function formatPaired(rounds: Round[], seconds: number): string {
  const asBlocks = rounds.map((round) => [round]);
  const full = cpuRatio(asBlocks, CANDIDATE_KEY);
  const aa = cpuRatio(asBlocks, AA_KEY);
  const verdict = judge(full, aa);
  const cpu = (key: string): string =>
    median(rounds.flatMap((round) => round.get(key)?.cpuMicrosPerRequest ?? [])).toFixed(0);
  return [
    `Paired in one process (the full host, console lines on, and two minimal hosts as servers of one process, ${rounds.length} rounds of ${seconds} s each, order rotating and reversing): CPU µs/req full ${cpu(CANDIDATE_KEY)}, minimal ${cpu(BASELINE_KEY)}, minimal again ${cpu(AA_KEY)}.`,
    `A/A in that process: ${times(aa.center)} (${times(aa.low)}–${times(aa.high)}), band 1 ± ${pct(verdict.band)}.`,
    `PAIRED VERDICT: full host vs the minimal host in one process, CPU per request: ${times(full.center)} (${times(full.low)}–${times(full.high)}) -> ${outcome(full, verdict)}: ${verdict.reason}.`,
  ].join('\n');
}

/** One round of the in-process pipeline measurement: CPU µs per call of each path. */
export interface PipelineRound {
  host: number;
  minimal: number;
  /** The minimal path replaying the host's own worker request (its encoding, no host code). */
  replay: number;
}

/**
 * The host's own pipeline, in process and without a socket, with console lines off and on, split
 * into the library's work on what the host sends and the host's own code.
 */
export function formatPipeline(off: PipelineRound[], on: PipelineRound[], calls: number): string {
  const part = (rounds: PipelineRound[], of: 'host' | 'replay', over: 'minimal' | 'replay') => {
    const ratio = ratioInterval(rounds.map((round) => round[of] / round[over]));
    // A difference of medians, so the two parts add up to the whole gap.
    const extra =
      median(rounds.map((round) => round[of])) - median(rounds.map((round) => round[over]));
    return `${times(ratio.center)} (${times(ratio.low)}–${times(ratio.high)}), ${extra < 0 ? '' : '+'}${extra.toFixed(1)} µs`;
  };
  const row = (rounds: PipelineRound[], label: string): string => {
    const micros = (key: keyof PipelineRound): string =>
      median(rounds.map((round) => round[key])).toFixed(1);
    return [
      `${label}: host.handle ${micros('host')} µs, minimal path ${micros('minimal')} µs, minimal path replaying the host's worker request ${micros('replay')} µs per call`,
      `    whole gap (host.handle / minimal path): ${part(rounds, 'host', 'minimal')}`,
      `    the library's work on what the host sends (replay / minimal path): ${part(rounds, 'replay', 'minimal')}`,
      `    the host's own code (host.handle / replay): ${part(rounds, 'host', 'replay')}`,
    ].join('\n');
  };
  return [
    `Host pipeline in process, no socket (host.handle, the minimal host's invocation path, and that path replaying the worker request the host sent for the same request, order rotating and reversing in one process, ${off.length} rounds of ${calls} calls each; geometric mean of per-round ratios, 95% t-interval):`,
    row(off, '  console logging off'),
    row(on, '  console lines on (stdout /dev/null)'),
  ].join('\n');
}
