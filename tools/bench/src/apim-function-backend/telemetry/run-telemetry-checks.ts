import { getCatalogItem, launchHost } from '../cold-start/run-launcher.js';

/** Monitor modules loaded per probe run, and what importing the package costs in a fresh process. */
export interface TelemetryFindings {
  bundledModules: number;
  unbundledModules: number;
  controlModules: number;
  importMs: number[];
}

const CONTROL_RUNS = 3;

interface Report {
  monitorModules: number;
  importMs?: number;
}

async function probe(launcher: string, appDir: string, flags: string[]): Promise<Report> {
  const host = await launchHost(launcher, appDir, ['--probe', ...flags]);
  try {
    const status = await getCatalogItem(host.ready.port);
    if (status !== 200) throw new Error(`probe of ${appDir}: first request answered ${status}`);
    return (await host.request('report')) as Report;
  } finally {
    await host.stop();
  }
}

/**
 * With APPLICATIONINSIGHTS_CONNECTION_STRING unset, starts each layout, serves one request and
 * lists loaded modules. The control run imports the package after that request, proving the
 * probe sees it, and times the import the disabled path avoids.
 */
export async function runTelemetryChecks(
  launcher: string,
  bundledDir: string,
  unbundledDir: string,
): Promise<TelemetryFindings> {
  const monitorUrl = import.meta.resolve('@azure/monitor-opentelemetry');
  const bundled = await probe(launcher, bundledDir, []);
  const unbundled = await probe(launcher, unbundledDir, []);
  const controls: Report[] = [];
  for (let run = 0; run < CONTROL_RUNS; run += 1) {
    controls.push(await probe(launcher, bundledDir, ['--import', monitorUrl]));
  }
  return {
    bundledModules: bundled.monitorModules,
    unbundledModules: unbundled.monitorModules,
    controlModules: Math.min(...controls.map((control) => control.monitorModules)),
    importMs: controls.map((control) => control.importMs ?? Number.NaN),
  };
}
