import { printTable, times, verdict } from '../print-table.js';
import { median, pairedRatios, range } from '../stats.js';
import { VARIANT } from './run-invocation-bench.js';

const KIT_GOAL = 1.15;
// Same routes, same bundle options; a difference beyond this is more than this machine's noise.
export const TELEMETRY_NOISE = 0.05;

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

  const kit = pairedRatio(samples, VARIANT.kit, VARIANT.bare);
  const kitVsHono = pairedRatio(samples, VARIANT.kit, VARIANT.hono);
  const recipe = pairedRatio(samples, VARIANT.recipeBuild, VARIANT.kit);
  const alsTax = pairedRatio(samples, VARIANT.bareAfterKit, VARIANT.bare);
  console.log(
    `\nbare after one http-kit call / bare = ${times(alsTax)}: the AsyncLocalStorage hooks http-kit enables stay on for the whole process.`,
  );
  return [
    verdict(`full stack ≤ ${KIT_GOAL}× bare`, kit <= KIT_GOAL, `${times(kit)} bare`),
    verdict('full stack faster than Hono', kitVsHono < 1, `${times(kitVsHono)} Hono's time`),
    verdict(
      'telemetry off adds nothing per call',
      Math.abs(recipe - 1) <= TELEMETRY_NOISE,
      `recipe build (startTelemetry, off) = ${times(recipe)} the same routes without the call (noise band ±${TELEMETRY_NOISE * 100}%)`,
    ),
  ];
}
