import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { RECIPE_DIR } from '../bench-settings.js';
import { prepareBenchApp } from '../invocation/prepare-bench-app.js';
import { DEPLOYED_NODE_ARGUMENTS } from '../invocation/run-invocation-bench.js';
import { runOrderCheck } from '../telemetry/run-order-check.js';
import { bundleLauncher } from './bundle-launcher.js';
import { measureImportCosts } from './import-costs.js';
import { prepareUnbundledApp } from './prepare-unbundled-app.js';
import {
  COLD_TELEMETRY_ENV,
  reportBareRatios,
  reportImportCosts,
  reportTelemetryOrder,
} from './report-bare-ratios.js';
import { bundleBytes, type ColdStartTarget, runColdStartBench } from './run-cold-start-bench.js';

// Goal 3 of issue 14: the recipe's bundle against a bare one-function app, process start → first
// 200, alternating runs, with an A/A row; then telemetry on vs off and the order of events.
const RUNS = Number(process.env['BENCH_COLD_RUNS'] ?? 15);
const BARE_MAIN = resolve(import.meta.dirname, 'bare-main.ts');
const EAGER_MAIN = resolve(import.meta.dirname, 'eager-telemetry-main.ts');
const BARE_FIVE_MAIN = resolve(import.meta.dirname, 'bare-five-main.ts');
const WORKSPACE_MODULES = resolve(import.meta.dirname, '../../../../../node_modules');

const started = performance.now();
const loadAtStart = loadavg()[0]?.toFixed(2) ?? '?';
console.log(
  `# Cold start benchmark (node ${process.versions.node}, ${availableParallelism()} CPUs, load average ${loadAtStart} at start)\n`,
);
const root = await mkdtemp(join(tmpdir(), 'cold-start-bench-'));
const bare = await prepareBenchApp(BARE_MAIN);
const eager = await prepareBenchApp(EAGER_MAIN);
const bareFive = await prepareBenchApp(BARE_FIVE_MAIN);
try {
  // the bundle keeps @azure/monitor-opentelemetry external, as a recipe's does: resolve it
  await symlink(WORKSPACE_MODULES, join(eager.dir, 'node_modules'), 'dir');
  const launcher = await bundleLauncher(root);
  const unbundled = await prepareUnbundledApp(root);
  const kb = async (file: string): Promise<string> =>
    `${Math.round((await bundleBytes(file)) / 1024)} KB`;
  const names = {
    bare: `bare one-function app (${await kb(bare.outfile)})`,
    bareAgain: 'bare one-function app, again (A/A)',
    bareFive: "bare app with the recipe's 5 function names and routes",
    recipe: `recipe dist/main.js (${await kb(join(RECIPE_DIR, 'dist/main.js'))})`,
    recipeTelemetry: 'recipe dist/main.js, telemetry on',
    eagerTelemetry: 'recipe-shaped bench app, telemetry on, imported before serving',
    unbundled: `recipe-shaped bench app, unbundled (${unbundled.files} .js files)`,
    bareMaps: 'bare one-function app, source maps on (as the local `start` runs)',
    recipeMaps: 'recipe dist/main.js, source maps on (as the local `start` runs)',
  };
  console.log(
    `## Process start → first 200 over HTTP (new connection), median of ${RUNS} alternating runs; every host runs with the recipe's deployed Node arguments (${DEPLOYED_NODE_ARGUMENTS.join(' ') || 'none'}; source maps off, as deployed, except the last two rows)\n`,
  );
  const targets: ColdStartTarget[] = [
    { name: names.bare, appDir: bare.dir },
    { name: names.recipe, appDir: RECIPE_DIR },
    { name: names.bareAgain, appDir: bare.dir },
    { name: names.bareFive, appDir: bareFive.dir },
    { name: names.recipeTelemetry, appDir: RECIPE_DIR, env: COLD_TELEMETRY_ENV },
    { name: names.eagerTelemetry, appDir: eager.dir, env: COLD_TELEMETRY_ENV },
    { name: names.unbundled, appDir: unbundled.appDir },
    { name: names.bareMaps, appDir: bare.dir, launcherFlags: ['--source-maps'] },
    { name: names.recipeMaps, appDir: RECIPE_DIR, launcherFlags: ['--source-maps'] },
  ];
  const samples = await runColdStartBench(
    launcher,
    targets.map((target) => ({ ...target, nodeArguments: DEPLOYED_NODE_ARGUMENTS })),
    RUNS,
  );
  const verdicts = reportBareRatios(samples, names);

  console.log('\n## Telemetry on: order of events in the host process (not timed)\n');
  verdicts.push(
    ...reportTelemetryOrder(
      await runOrderCheck(launcher, RECIPE_DIR, COLD_TELEMETRY_ENV, DEPLOYED_NODE_ARGUMENTS),
      await runOrderCheck(launcher, RECIPE_DIR, {}, DEPLOYED_NODE_ARGUMENTS),
      await runOrderCheck(launcher, eager.dir, COLD_TELEMETRY_ENV, DEPLOYED_NODE_ARGUMENTS),
    ),
  );

  console.log(
    `\n## What the recipe's extra load is made of: CPU ms of a fresh node process evaluating one bundle, no host, median of ${RUNS} alternating runs\n`,
  );
  // a variable specifier: esbuild leaves the app's bundle to be loaded as it is
  const evaluate = (file: string): string =>
    `const app = ${JSON.stringify(pathToFileURL(file).href)};\nawait import(app);`;
  reportImportCosts(
    await measureImportCosts(
      root,
      [
        { name: 'empty module (node start-up)', source: 'export {};' },
        { name: '@azure/functions', source: "import '@azure/functions';" },
        { name: 'zod', source: "import * as z from 'zod';\nz.object({ id: z.string() });" },
        { name: 'pino', source: "import 'pino';" },
        { name: '@cookbook/logging', source: "import '@cookbook/logging';" },
        {
          name: '@cookbook/http-kit (with zod, logging, pino)',
          source: "import '@cookbook/http-kit';",
        },
        {
          name: '@azure/functions + @cookbook/http-kit',
          source: "import '@azure/functions';\nimport '@cookbook/http-kit';",
        },
        { name: 'bare app dist/main.js', source: evaluate(bare.outfile) },
        { name: 'recipe dist/main.js', source: evaluate(join(RECIPE_DIR, 'dist/main.js')) },
      ],
      RUNS,
    ),
  );

  console.log('\n## Goals\n');
  for (const line of verdicts) console.log(line);
  const loadAtEnd = loadavg()[0]?.toFixed(2) ?? '?';
  console.log(
    `\n(one run, ${((performance.now() - started) / 1000).toFixed(0)} s, load average ${loadAtStart} → ${loadAtEnd})`,
  );
} finally {
  await bare.remove();
  await eager.remove();
  await bareFive.remove();
  await rm(root, { recursive: true, force: true });
}
