import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import {
  COLD_START_RUNS,
  INVOCATION_ROUNDS,
  INVOCATIONS_PER_ROUND,
  RECIPE_DIR,
} from './bench-settings.js';
import { bundleLauncher } from './cold-start/bundle-launcher.js';
import { prepareUnbundledApp } from './cold-start/prepare-unbundled-app.js';
import { reportColdStart } from './cold-start/report-cold-start.js';
import { bundleBytes, runColdStartBench } from './cold-start/run-cold-start-bench.js';
import { prepareBenchApp } from './invocation/prepare-bench-app.js';
import { reportInvocations } from './invocation/report-invocations.js';
import { runInvocationBench } from './invocation/run-invocation-bench.js';
import { reportTelemetry } from './telemetry/report-telemetry.js';
import { runTelemetryChecks } from './telemetry/run-telemetry-checks.js';

const BENCH_MAIN = resolve(import.meta.dirname, 'apps/telemetry-main.ts');

const started = performance.now();
const load = loadavg()[0]?.toFixed(1) ?? '?';
console.log(
  `# APIM Function Backend benchmark (node ${process.versions.node}, ${availableParallelism()} CPUs, load average ${load} at start)\n`,
);
const root = await mkdtemp(join(tmpdir(), 'apim-bench-'));
const bundled = await prepareBenchApp(BENCH_MAIN);
try {
  const launcher = await bundleLauncher(root);
  const unbundled = await prepareUnbundledApp(root);

  console.log(
    `## Per invocation: local host in-process (routing, encoding, @azure/functions invocation model), no socket, the bench app's routes in one process (a second identical one for A/A), the other rows in processes of their own, CPU µs per call; median of ${INVOCATION_ROUNDS} interleaved rounds × ${INVOCATIONS_PER_ROUND} calls\n`,
  );
  const verdicts = reportInvocations(await runInvocationBench());

  const labels = {
    recipe: `the recipe's dist/main.js (${Math.round((await bundleBytes(join(RECIPE_DIR, 'dist/main.js'))) / 1024)} KB)`,
    bundled: `bench app, bundled (1 file, ${Math.round((await bundleBytes(bundled.outfile)) / 1024)} KB)`,
    unbundled: `bench app, unbundled (${unbundled.files} .js files + node_modules)`,
  };
  console.log(
    `\n## Cold start: process start → first 200 over HTTP, median of ${COLD_START_RUNS} alternating runs\n`,
  );
  const coldStarts = await runColdStartBench(launcher, [
    { name: labels.recipe, appDir: RECIPE_DIR },
    { name: labels.bundled, appDir: bundled.dir },
    { name: labels.unbundled, appDir: unbundled.appDir },
  ]);
  verdicts.push(...reportColdStart(coldStarts, labels));

  console.log('\n## Telemetry off\n');
  verdicts.push(
    ...reportTelemetry(await runTelemetryChecks(launcher, RECIPE_DIR, unbundled.appDir)),
  );

  console.log('\n## Goals\n');
  for (const line of verdicts) console.log(line);
  console.log(`\n(one run, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
} finally {
  await bundled.remove();
  await rm(root, { recursive: true, force: true });
}
