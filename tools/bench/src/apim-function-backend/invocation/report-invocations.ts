import { printTable, times, verdict } from '../print-table.js';
import { median, pairedRatios, range, signTest } from '../stats.js';
import { reportStackBreakdown } from './report-stack-breakdown.js';
import { DEPLOYED_NODE_ARGUMENTS, SECOND_PROCESS, VARIANT } from './run-invocation-bench.js';

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
/** What each row's `× bare` compares with: the bare handler timed under the same conditions. */
export function baselineOf(name: string): string {
  if (name === VARIANT.kitQuiet) return VARIANT.bareQuiet;
  if (name === VARIANT.kitNoArgs || name === VARIANT.bareAfterKitNoArgs) return VARIANT.bareNoArgs;
  if (name.endsWith(SECOND_PROCESS)) return VARIANT.bareAgain;
  return VARIANT.bare;
}

export function reportInvocations(samples: Map<string, number[]>): string[] {
  const rows = [...samples.keys()]
    .filter((name) => !name.endsWith(SECOND_PROCESS))
    .map((name) => {
      const baseline = baselineOf(name);
      const values = series(samples, name);
      const bare = series(samples, baseline);
      const { min, max } = range(values);
      return [
        name,
        median(values).toFixed(1),
        `${min.toFixed(0)}–${max.toFixed(0)}`,
        times(pairedRatio(samples, name, baseline)),
        times(min / range(bare).min),
        `${median(values) - median(bare) >= 0 ? '+' : ''}${(median(values) - median(bare)).toFixed(1)}`,
      ];
    });
  printTable(
    [
      'GET /api/catalog/42 via',
      'CPU µs/call',
      'min–max',
      '× bare',
      '× bare, fastest',
      'µs vs bare',
    ],
    rows,
  );
  console.log(
    `\nNode arguments as deployed: ${DEPLOYED_NODE_ARGUMENTS.join(' ') || '(none)'}. floor, bare, http-kit, unchecked and Hono share one process and one host; the recipe's dist/main.js is a second host in that process; × bare compares with the bare handler of the same process, the "without" rows with the bare handler run without the arguments. The second identical process: http-kit ${times(pairedRatio(samples, `${VARIANT.kit}${SECOND_PROCESS}`, VARIANT.bareAgain))} its bare, Hono ${times(pairedRatio(samples, `${VARIANT.hono}${SECOND_PROCESS}`, VARIANT.bareAgain))}.`,
  );
  console.log(
    '× bare is the median of per-round ratios (load that shifts a round cancels out); it can differ from the ratio of the µs medians, which mixes rounds. "× bare, fastest" divides the fastest rounds: outside load only adds time, so under sustained load it is the closer estimate of the intrinsic cost.',
  );
  console.log('');
  reportStackBreakdown(samples);

  const kit = pairedRatio(samples, VARIANT.kit, VARIANT.bare);
  const recipe = pairedRatio(samples, VARIANT.recipe, VARIANT.bare);
  const recipeAgain = pairedRatio(samples, `${VARIANT.recipe}${SECOND_PROCESS}`, VARIANT.bareAgain);
  const aa = pairedRatio(samples, VARIANT.bareAgain, VARIANT.bare);
  const kitAgain = pairedRatio(samples, `${VARIANT.kit}${SECOND_PROCESS}`, VARIANT.bareAgain);
  const kitWithout = pairedRatio(samples, VARIANT.kitNoArgs, VARIANT.bareNoArgs);
  const kitVsHono = pairedRatio(samples, VARIANT.kit, VARIANT.hono);
  const honoSplit = signTest(series(samples, VARIANT.kit), series(samples, VARIANT.hono));
  const telemetry = pairedRatio(samples, VARIANT.recipeMain, VARIANT.noTelemetry);
  const telemetrySplit = signTest(
    series(samples, VARIANT.recipeMain),
    series(samples, VARIANT.noTelemetry),
  );
  const noiseBand = Math.abs(aa - 1) + NEGLIGIBLE;
  const split = (test: { slower: number; n: number; p: number }): string =>
    `slower in ${test.slower}/${test.n} rounds, sign test p = ${test.p.toFixed(2)}`;
  return [
    verdict(
      `the recipe's route (dist/main.js) ≤ ${KIT_GOAL}× bare`,
      recipe <= KIT_GOAL && recipeAgain <= KIT_GOAL,
      `${times(recipe)} bare in one process with the deployed Node arguments, ${times(recipeAgain)} in a second identical one; fastest rounds ${times(range(series(samples, VARIANT.recipe)).min / range(series(samples, VARIANT.bare)).min)}`,
    ),
    verdict(
      `full stack ≤ ${KIT_GOAL}× bare`,
      kit <= KIT_GOAL,
      `${times(kit)} bare in one process with the deployed Node arguments, fastest rounds ${times(range(series(samples, VARIANT.kit)).min / range(series(samples, VARIANT.bare)).min)} (${times(kitAgain)} in a second identical one; without the arguments, in separate processes: ${times(kitWithout)})`,
    ),
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
