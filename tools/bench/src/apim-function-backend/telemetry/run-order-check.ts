import {
  EXPORTER_LOADED,
  FIRST_RESPONSE_SENT,
  type OrderReport,
} from '../cold-start/order-probe.js';
import { getCatalogItem, launchHost } from '../cold-start/run-launcher.js';

/** The order of events in one host process, and whether the app said telemetry started. */
export interface OrderFindings {
  events: string[];
  /** The first response was sent before any Azure Monitor / OpenTelemetry module was loaded. */
  responseFirst: boolean;
  exporterLoaded: boolean;
  telemetryStartedLine: boolean;
}

const STARTED_MESSAGE = 'Azure Monitor telemetry started';

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check() && performance.now() < deadline) {
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 50));
  }
  return check();
}

/**
 * Starts the app with `env`, sends the first request, then asks the host in which order its
 * first response went out and the exporter's first module was loaded (not timed: an order).
 */
export async function runOrderCheck(
  launcher: string,
  appDir: string,
  env: Record<string, string>,
  nodeArguments: readonly string[] = [],
): Promise<OrderFindings> {
  const host = await launchHost(launcher, appDir, ['--order'], env, nodeArguments);
  try {
    const status = await getCatalogItem(host.ready.port);
    if (status !== 200)
      throw new Error(`order check of ${appDir}: first request answered ${status}`);
    const { events } = (await host.request('report')) as OrderReport;
    const exporterLoaded = events.includes(EXPORTER_LOADED);
    const telemetryStartedLine = await waitFor(
      () => host.appOutput.some((line) => line.includes(STARTED_MESSAGE)),
      exporterLoaded ? 15_000 : 0,
    );
    return {
      events,
      responseFirst: events[0] === FIRST_RESPONSE_SENT,
      exporterLoaded,
      telemetryStartedLine,
    };
  } finally {
    await host.stop();
  }
}
