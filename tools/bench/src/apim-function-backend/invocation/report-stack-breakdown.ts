import { printTable } from '../print-table.js';
import { median, pairedDifferences } from '../stats.js';
import { VARIANT } from './run-invocation-bench.js';

/** Prints where http-kit's extra time per call goes, from the decomposition variants. */
export function reportStackBreakdown(samples: Map<string, number[]>): void {
  const diff = (a: string, b: string): number =>
    median(pairedDifferences(samples.get(a) ?? [], samples.get(b) ?? []));
  const stack = diff(VARIANT.kit, VARIANT.bare);
  const logs = stack - diff(VARIANT.kitQuiet, VARIANT.bareQuiet);
  const bodyCheck = diff(VARIANT.kit, VARIANT.kitUnchecked);
  const share = (part: number): string => `${Math.round((part / stack) * 100)} %`;
  const row = (part: string, micros: number): string[] => [part, micros.toFixed(1), share(micros)];
  printTable(
    ['http-kit cost over bare, per call (paired within a process)', 'CPU µs', 'share'],
    [
      row('whole stack (http-kit − bare)', stack),
      row(
        'the info line, built and sent to context.info (− LOG_LEVEL=warn, another process)',
        logs,
      ),
      row('200 body validation, zod (− body not validated)', bodyCheck),
      row(
        'rest: context, one AsyncLocalStorage scope, request checks, caching',
        stack - logs - bodyCheck,
      ),
      row(
        'without the Node arguments: promise hooks on a bare call once http-kit ran',
        diff(VARIANT.bareAfterKitNoArgs, VARIANT.bareNoArgs),
      ),
      row(
        'without the Node arguments: the whole stack (separate processes)',
        diff(VARIANT.kitNoArgs, VARIANT.bareNoArgs),
      ),
    ],
  );
}
