import { stat } from 'node:fs/promises';

import { COLD_START_RUNS } from '../bench-settings.js';
import type { FirstResponseTimes } from './first-response-clock.js';
import { getCatalogItem, launchHost } from './run-launcher.js';

/** One app layout to start cold. */
export interface ColdStartTarget {
  name: string;
  appDir: string;
  /** App settings added to the child's environment (telemetry settings are removed first). */
  env?: Record<string, string>;
  /** Node arguments of the host process (the recipe's `languageWorkers__node__arguments`). */
  nodeArguments?: readonly string[];
  /** Launcher flags, e.g. `--source-maps`. */
  launcherFlags?: readonly string[];
}

/**
 * Per run: process spawn → host ready (in-child clock), spawn → listening, spawn → first 200
 * read by the parent; and in the child: its clock and CPU time when the first response went out.
 */
export interface ColdStartSample {
  hostReadyMs: number;
  hostReadyCpuMs: number;
  listeningMs: number;
  firstOkMs: number;
  firstResponseMs: number;
  firstResponseCpuMs: number;
}

async function startOnce(launcher: string, target: ColdStartTarget): Promise<ColdStartSample> {
  const host = await launchHost(
    launcher,
    target.appDir,
    [...(target.launcherFlags ?? [])],
    target.env,
    target.nodeArguments,
  );
  try {
    const status = await getCatalogItem(host.ready.port);
    const firstOkMs = performance.now() - host.spawnedAt;
    if (status !== 200) throw new Error(`${target.name}: first request answered ${status}`);
    const first = (await host.request('first-response')) as FirstResponseTimes;
    return {
      hostReadyMs: host.ready.hostReadyMs,
      hostReadyCpuMs: host.ready.hostReadyCpuMs,
      listeningMs: host.ready.readyAt - host.spawnedAt,
      firstOkMs,
      firstResponseMs: first.atMs,
      firstResponseCpuMs: first.cpuMs,
    };
  } finally {
    await host.stop();
  }
}

/** Alternates the targets (first one rotating) for `runs` runs after a discarded warm-up. */
export async function runColdStartBench(
  launcher: string,
  targets: readonly ColdStartTarget[],
  runs: number = COLD_START_RUNS,
): Promise<Map<string, ColdStartSample[]>> {
  for (const target of targets) await startOnce(launcher, target);
  const samples = new Map<string, ColdStartSample[]>(targets.map((target) => [target.name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (let offset = 0; offset < targets.length; offset += 1) {
      const target = targets[(run + offset) % targets.length] as ColdStartTarget;
      samples.get(target.name)?.push(await startOnce(launcher, target));
    }
  }
  return samples;
}

/** Size of a single-file bundle. */
export async function bundleBytes(file: string): Promise<number> {
  return (await stat(file)).size;
}
