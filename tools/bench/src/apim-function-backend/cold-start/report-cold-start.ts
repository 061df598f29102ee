import { printTable, times, verdict } from '../print-table.js';
import { median, pairedRatios, range } from '../stats.js';
import type { ColdStartSample } from './run-cold-start-bench.js';

// "Clearly below": the bundle must save at least a tenth of the unbundled cold start.
const CLEAR_MARGIN = 0.9;

/** Labels of the layouts, with what each one loads; the verdict compares the bench app's two. */
export interface ColdStartLabels {
  recipe: string;
  bundled: string;
  unbundled: string;
}

/** Prints the cold-start table (medians of alternating runs) and returns its verdict. */
export function reportColdStart(
  samples: Map<string, ColdStartSample[]>,
  labels: ColdStartLabels,
): string[] {
  const firstOk = (name: string): number[] => (samples.get(name) ?? []).map((s) => s.firstOkMs);
  const rows = [...samples.entries()].map(([name, runs]) => {
    const ok = runs.map((run) => run.firstOkMs);
    const { min, max } = range(ok);
    return [
      name,
      median(runs.map((run) => run.hostReadyMs)).toFixed(0),
      median(runs.map((run) => run.listeningMs)).toFixed(0),
      median(ok).toFixed(0),
      `${min.toFixed(0)}–${max.toFixed(0)}`,
      times(median(pairedRatios(ok, firstOk(labels.bundled)))),
    ];
  });
  printTable(
    ['app layout', 'host ready ms', 'listening ms', 'first 200 ms', 'min–max', '× bundled'],
    rows,
  );
  const ratio = median(pairedRatios(firstOk(labels.bundled), firstOk(labels.unbundled)));
  return [
    verdict(
      'bundled cold start clearly below unbundled',
      ratio <= CLEAR_MARGIN,
      `bundle = ${times(ratio)} unbundled (process start → first 200; goal ≤ ${times(CLEAR_MARGIN)})`,
    ),
  ];
}
