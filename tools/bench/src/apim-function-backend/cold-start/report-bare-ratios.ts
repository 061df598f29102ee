import { printTable, times, verdict } from '../print-table.js';
import { median, pairedRatios, range } from '../stats.js';
import type { OrderFindings } from '../telemetry/run-order-check.js';
import type { ColdStartSample } from './run-cold-start-bench.js';

/** Goal of issue 14: the recipe's bundle at most 1.3× a bare one-function app. */
const RECIPE_GOAL = 1.3;

/**
 * Telemetry on, offline: a connection string whose ingestion endpoint is a closed local port,
 * statsbeat (a fixed Azure host) off, so nothing leaves the machine.
 */
export const COLD_TELEMETRY_ENV: Record<string, string> = {
  APPLICATIONINSIGHTS_CONNECTION_STRING:
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/',
  APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
  APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
};

/** Row labels of the cold-start table. */
export interface BareRatioNames {
  bare: string;
  bareAgain: string;
  recipe: string;
  recipeTelemetry: string;
  unbundled: string;
}

/** Prints medians, spreads and per-run ratios against the bare app; returns the verdicts. */
export function reportBareRatios(
  samples: Map<string, ColdStartSample[]>,
  names: BareRatioNames,
): string[] {
  const firstOk = (name: string): number[] => (samples.get(name) ?? []).map((s) => s.firstOkMs);
  const vsBare = (name: string): number => median(pairedRatios(firstOk(name), firstOk(names.bare)));
  const rows = [...samples.entries()].map(([name, runs]) => {
    const ok = runs.map((run) => run.firstOkMs);
    const { min, max } = range(ok);
    const listening = runs.map((run) => run.listeningMs);
    return [
      name,
      median(runs.map((run) => run.hostReadyMs)).toFixed(0),
      median(listening).toFixed(0),
      median(ok).toFixed(0),
      `${min.toFixed(0)}–${max.toFixed(0)}`,
      median(ok.map((value, index) => value - (listening[index] ?? Number.NaN))).toFixed(0),
      times(vsBare(name)),
    ];
  });
  printTable(
    [
      'app',
      'app loaded ms (child clock)',
      'listening ms',
      'first 200 ms',
      'min–max',
      'first request ms',
      '× bare (median of per-run ratios)',
    ],
    rows,
  );
  const aa = vsBare(names.bareAgain);
  const recipe = vsBare(names.recipe);
  const telemetry = median(pairedRatios(firstOk(names.recipeTelemetry), firstOk(names.recipe)));
  console.log(
    `\ntelemetry on = ${times(telemetry)} telemetry off (recipe, median of per-run ratios); A/A = ${times(aa)}`,
  );
  return [
    verdict(
      `recipe cold start ≤ ${times(RECIPE_GOAL)} a bare one-function app`,
      recipe <= RECIPE_GOAL,
      `recipe = ${times(recipe)} bare (A/A ${times(aa)}; telemetry off, process start → first 200)`,
    ),
  ];
}

/** Prints the order of events with telemetry on and off; returns the verdicts. */
export function reportTelemetryOrder(on: OrderFindings, off: OrderFindings): string[] {
  printTable(
    ['recipe dist/main.js', 'events in the host process, in order', 'telemetry started line'],
    [
      ['telemetry on', on.events.join(' → '), on.telemetryStartedLine ? 'yes' : 'no'],
      ['telemetry off', off.events.join(' → '), off.telemetryStartedLine ? 'yes' : 'no'],
    ],
  );
  return [
    verdict(
      'telemetry on: the exporter is loaded after the first response, and still starts',
      on.responseFirst && on.exporterLoaded && on.telemetryStartedLine,
      on.exporterLoaded
        ? `${on.events.join(' → ')}; started line ${on.telemetryStartedLine ? 'logged' : 'missing'}`
        : 'the exporter was never loaded',
    ),
    verdict(
      'telemetry off: the exporter is never loaded',
      !off.exporterLoaded && off.events.length > 0,
      off.events.join(' → ') || 'no events recorded (probe broken)',
    ),
  ];
}
