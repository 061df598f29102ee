import { printTable, times, verdict } from '../print-table.js';
import { median, pairedRatios, range } from '../stats.js';
import type { OrderFindings } from '../telemetry/run-order-check.js';
import type { ColdStartSample } from './run-cold-start-bench.js';

/** Goal of issue 14: the recipe's bundle at most 1.3× a bare one-function app. */
const RECIPE_GOAL = 1.3;
/** Telemetry on may cost the first request this much over the A/A gap (timing is never exact). */
const NEGLIGIBLE = 0.05;

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
  bareFive: string;
  recipe: string;
  recipeTelemetry: string;
  eagerTelemetry: string;
  unbundled: string;
  bareMaps: string;
  recipeMaps: string;
}

type Metric = (sample: ColdStartSample) => number;

const wall: Metric = (sample) => sample.firstOkMs;
const cpu: Metric = (sample) => sample.firstResponseCpuMs;

/**
 * Prints medians, spreads and per-run ratios against the bare app, for the wall clock (spawn →
 * first 200 read by the parent) and for the host's CPU time up to its first response (which load
 * from other processes does not stretch); returns the verdicts.
 */
export function reportBareRatios(
  samples: Map<string, ColdStartSample[]>,
  names: BareRatioNames,
): string[] {
  const series = (name: string, metric: Metric): number[] => (samples.get(name) ?? []).map(metric);
  const vsBare = (name: string, metric: Metric): number =>
    median(pairedRatios(series(name, metric), series(names.bare, metric)));
  const spread = (values: number[]): string => {
    const { min, max } = range(values);
    return `${min.toFixed(0)}–${max.toFixed(0)}`;
  };
  const rows = [...samples.entries()].map(([name, runs]) => {
    const ok = runs.map(wall);
    const cpuAtFirst = runs.map(cpu);
    return [
      name,
      median(runs.map((run) => run.hostReadyMs)).toFixed(0),
      median(ok).toFixed(0),
      spread(ok),
      times(vsBare(name, wall)),
      median(runs.map((run) => run.hostReadyCpuMs)).toFixed(0),
      median(cpuAtFirst).toFixed(0),
      spread(cpuAtFirst),
      times(vsBare(name, cpu)),
    ];
  });
  printTable(
    [
      'app',
      'app loaded ms',
      'first 200 ms',
      'min–max',
      '× bare',
      'CPU ms, app loaded',
      'CPU ms, first response',
      'min–max',
      '× bare (CPU)',
    ],
    rows,
  );
  const telemetry = (metric: Metric): number =>
    median(pairedRatios(series(names.recipeTelemetry, metric), series(names.recipe, metric)));
  console.log(
    `
× bare: median of per-run ratios (each run starts every app once, alternating). telemetry on = ${times(telemetry(wall))} telemetry off (CPU: ${times(telemetry(cpu))})`,
  );
  const withMaps = (metric: Metric): number =>
    median(pairedRatios(series(names.recipeMaps, metric), series(names.bareMaps, metric)));
  console.log(
    `Source maps on (as the local \`start\` runs; not the deployed setting): recipe = ${times(withMaps(cpu))} bare in CPU, ${times(withMaps(wall))} wall.`,
  );
  const goal = (metric: Metric, label: string): string => {
    const recipe = vsBare(names.recipe, metric);
    const aa = vsBare(names.bareAgain, metric);
    return verdict(
      `recipe cold start ≤ ${times(RECIPE_GOAL)} a bare one-function app (${label})`,
      recipe <= RECIPE_GOAL,
      `recipe = ${times(recipe)} bare, A/A ${times(aa)}`,
    );
  };
  return [
    goal(wall, 'wall clock, process start → first 200, telemetry off'),
    goal(cpu, 'host CPU time, process start → first response, telemetry off'),
    verdict(
      `telemetry on costs the first request no more than the A/A gap + ${NEGLIGIBLE * 100} %`,
      telemetry(cpu) <= Math.max(1, vsBare(names.bareAgain, cpu)) + NEGLIGIBLE,
      `CPU to the first response ${times(telemetry(cpu))} telemetry off (A/A ${times(vsBare(names.bareAgain, cpu))}); wall ${times(telemetry(wall))}`,
    ),
  ];
}

/** Prints the order of events with telemetry on and off; returns the verdicts. */
export function reportTelemetryOrder(
  on: OrderFindings,
  off: OrderFindings,
  eager: OrderFindings,
): string[] {
  const row = (name: string, findings: OrderFindings): string[] => [
    name,
    findings.events.join(' → '),
    findings.telemetryStartedLine ? 'yes' : 'no',
  ];
  printTable(
    ['app', 'events in the host process, in order', 'telemetry started line'],
    [
      row('recipe dist/main.js, telemetry on', on),
      row('recipe dist/main.js, telemetry off', off),
      row('bench app, deferUntilFirstInvocation: false (contrast)', eager),
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

/** Prints each bundle's evaluation cost above node's own start-up (the first entry). */
export function reportImportCosts(costs: Map<string, number>): void {
  const baseline = [...costs.values()][0] ?? 0;
  printTable(
    ['bundle evaluated', 'CPU ms', 'above node start-up'],
    [...costs.entries()].map(([name, ms]) => [
      name,
      ms.toFixed(0),
      `+${(ms - baseline).toFixed(0)}`,
    ]),
  );
}
