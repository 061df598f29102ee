import { printTable, verdict } from '../print-table.js';
import { median } from '../stats.js';
import type { TelemetryFindings } from './run-telemetry-checks.js';

/** Prints the "not loaded" proof and the avoided import cost; returns the verdict. */
export function reportTelemetry(findings: TelemetryFindings): string[] {
  printTable(
    ['telemetry off (APPLICATIONINSIGHTS_CONNECTION_STRING unset)', 'result'],
    [
      [
        '@azure/monitor-opentelemetry + @opentelemetry modules loaded, bundle, after first 200',
        String(findings.bundledModules),
      ],
      ['same, unbundled layout', String(findings.unbundledModules)],
      ['control: same probe after import() of the package', String(findings.controlModules)],
      [
        'import cost avoided (fresh host process, median of 3)',
        `${median(findings.importMs).toFixed(0)} ms`,
      ],
    ],
  );
  const probeWorks = findings.controlModules > 0;
  const notLoaded = findings.bundledModules === 0 && findings.unbundledModules === 0;
  return [
    verdict(
      'telemetry off never loads @azure/monitor-opentelemetry',
      probeWorks && notLoaded,
      probeWorks
        ? `${findings.bundledModules} + ${findings.unbundledModules} modules loaded (control sees ${findings.controlModules})`
        : 'the probe saw nothing even in the control run, so it proves nothing',
    ),
  ];
}
