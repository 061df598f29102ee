import { printTable, times, verdict } from '../print-table.js';
import { median, pairedRatios, range, signTest } from '../stats.js';
import { reportStackBreakdown } from './report-stack-breakdown.js';
import { VARIANT } from './run-invocation-bench.js';

const KIT_GOAL = 1.15;
// "Faster" needs a difference the sign test tells from noise; "adds nothing" means not slower
// than two identical processes differ (A/A) plus a negligible margin.
const SIGNIFICANCE = 0.05;
const NEGLIGIBLE = 0.05;

function series(samples: Map<string, number[]>, name: string): number[] {
  const values = samples.get(name);
  if (!values || values.length === 0) throw new Error(`no samples for ${name}`);
  return values;
}

/** Median of the per-round ratios a/b: robust to load that shifts a whole round. */
export function pairedRatio(samples: Map<string, number[]>, a: string, b: string): number {
  return median(pairedRatios(series(samples, a), series(samples, b)));
}

/** Prints the per-invocation table and returns the goal verdicts it decides. */
export function reportInvocations(samples: Map<string, number[]>): string[] {
  const bare = series(samples, VARIANT.bare);
  const rows = [...samples.keys()].map((name) => {
    const values = series(samples, name);
    const { min, max } = range(values);
    return [
      name,
      median(values).toFixed(1),
      `${min.toFixed(0)}–${max.toFixed(0)}`,
      times(pairedRatio(samples, name, VARIANT.bare)),
      `${median(values) - median(bare) >= 0 ? '+' : ''}${(median(values) - median(bare)).toFixed(1)}`,
    ];
  });
  printTable(['GET /api/catalog/42 via', 'CPU µs/call', 'min–max', '× bare', 'µs vs bare'], rows);
  console.log(
    '\n× bare is the median of per-round ratios (load that shifts a round cancels out); it can differ from the ratio of the µs medians, which mixes rounds.',
  );
  console.log('');
  reportStackBreakdown(samples);

  const kit = pairedRatio(samples, VARIANT.kit, VARIANT.bare);
  const kitVsHono = pairedRatio(samples, VARIANT.kit, VARIANT.hono);
  const honoSplit = signTest(series(samples, VARIANT.kit), series(samples, VARIANT.hono));
  const telemetry = pairedRatio(samples, VARIANT.recipeMain, VARIANT.noTelemetry);
  const telemetrySplit = signTest(
    series(samples, VARIANT.recipeMain),
    series(samples, VARIANT.noTelemetry),
  );
  const aa = pairedRatio(samples, VARIANT.bareAgain, VARIANT.bare);
  const noiseBand = Math.abs(aa - 1) + NEGLIGIBLE;
  const split = (test: { slower: number; n: number; p: number }): string =>
    `slower in ${test.slower}/${test.n} rounds, sign test p = ${test.p.toFixed(2)}`;
  return [
    verdict(`full stack ≤ ${KIT_GOAL}× bare`, kit <= KIT_GOAL, `${times(kit)} bare`),
    verdict(
      'full stack faster than Hono',
      kitVsHono < 1 && honoSplit.p < SIGNIFICANCE,
      `${times(kitVsHono)} Hono's time (${split(honoSplit)}; two identical processes differ by ${times(aa)})`,
    ),
    verdict(
      'telemetry off adds nothing per call',
      telemetry <= 1 + noiseBand,
      `main.ts with startTelemetry (off) = ${times(telemetry)} main.ts without it, slower in ${telemetrySplit.slower}/${telemetrySplit.n} rounds (allowed: ≤ ${times(1 + noiseBand)}, the A/A gap + ${NEGLIGIBLE * 100} %)`,
    ),
  ];
}
