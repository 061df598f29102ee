import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import {
  INVOCATION_ROUNDS,
  INVOCATIONS_PER_ROUND,
  ITEM_ID,
  RECIPE_DIR,
  SLICES_PER_ROUND,
  WARMUP_INVOCATIONS,
} from '../bench-settings.js';
import { measureRounds } from './measure-rounds.js';
import { type BenchApp, prepareBenchApp } from './prepare-bench-app.js';
import {
  startVariantWorker,
  type VariantRunner,
  type VariantWorker,
} from './start-variant-worker.js';
import type { WorkerTarget } from './variant-protocol.js';

/** The variants of GET catalog/{item_id}, in table order. */
export const VARIANT = {
  floor: 'floor: handler returns 204',
  bare: 'bare handler, same JSON',
  bareAgain: 'bare again, second identical process (A/A noise)',
  kit: 'http-kit full stack (recipe-equivalent route)',
  kitUnchecked: 'http-kit, 200 body not validated',
  hono: 'Hono + zod-validator + adapter',
  kitQuiet: 'http-kit, LOG_LEVEL=warn (no info lines)',
  bareQuiet: 'bare, in the LOG_LEVEL=warn process',
  recipe: 'the recipe itself: dist/main.js (nx build)',
  recipeMain: 'main.ts shape (startTelemetry, off)',
  noTelemetry: 'main.ts shape minus startTelemetry',
  bareNoArgs: 'bare, without the node arguments',
  kitNoArgs: 'http-kit full stack, without the node arguments',
  bareAfterKitNoArgs: 'bare after one http-kit call, without them',
} as const;

/** Suffix of the variants timed in the second copy of the main process (the A/A pair). */
export const SECOND_PROCESS = ' (second process)';

/**
 * The Node arguments the recipe is deployed with (`languageWorkers__node__arguments`, the same in
 * its IaC and local.settings.example.json): every variant runs with them, as on Azure, except the
 * `without` rows.
 */
export const DEPLOYED_NODE_ARGUMENTS: readonly string[] = (() => {
  const settings = JSON.parse(
    readFileSync(join(RECIPE_DIR, 'local.settings.example.json'), 'utf8'),
  ) as { Values?: Record<string, string> };
  const value = settings.Values?.['languageWorkers__node__arguments'] ?? '';
  return value.split(/\s+/).filter((argument) => argument !== '');
})();

const ENTRIES = {
  variants: resolve(import.meta.dirname, '../apps/variants-main.ts'),
  recipeMain: resolve(import.meta.dirname, '../apps/telemetry-main.ts'),
  noTelemetry: resolve(import.meta.dirname, '../apps/no-telemetry-main.ts'),
};
const KIT = `/api/catalog/${ITEM_ID}`;
const FIRST = ' #1';
const SECOND = ' #2';
const BARE = `/api/bare/catalog/${ITEM_ID}`;
const FLOOR = `/api/floor/catalog/${ITEM_ID}`;
const UNCHECKED = `/api/unchecked/catalog/${ITEM_ID}`;
const HONO = `/api/hono/catalog/${ITEM_ID}`;

/** Worker processes: variant names and what they serve. */
function workerPlan(dirs: Record<keyof typeof ENTRIES, string>): [string[], WorkerTarget][] {
  const one = (path: string): WorkerTarget => ({ variants: [{ appDir: dirs.variants, path }] });
  const routes = (paths: string[]) => paths.map((path) => ({ appDir: dirs.variants, path }));
  const telemetryOn = { appDir: dirs.recipeMain, path: KIT };
  const telemetryOff = { appDir: dirs.noTelemetry, path: KIT };
  // With the deployed arguments AsyncLocalStorage taxes no other code, so the routes share one
  // process and one host, and their ratios carry no process-to-process noise. A second identical
  // process gives the A/A gap.
  // The recipe's own bundle is a second app (its own host) in the same process, so it is paired
  // with the bare handler like the others: alone in a process it read ~1.5× slower, as did bare.
  const main = [
    VARIANT.floor,
    VARIANT.bare,
    VARIANT.kit,
    VARIANT.kitUnchecked,
    VARIANT.hono,
    VARIANT.recipe,
  ];
  const mainRoutes = [
    ...routes([FLOOR, BARE, KIT, UNCHECKED, HONO]),
    { appDir: RECIPE_DIR, path: KIT },
  ];
  const deployed: [string[], WorkerTarget][] = [
    [main, { variants: mainRoutes }],
    [
      main.map((name) => (name === VARIANT.bare ? VARIANT.bareAgain : `${name}${SECOND_PROCESS}`)),
      { variants: mainRoutes },
    ],
    [
      [VARIANT.kitQuiet, VARIANT.bareQuiet],
      { variants: routes([KIT, BARE]), env: { LOG_LEVEL: 'warn' } },
    ],
    // Both builds in one process, paired per round like the routes (alone in their own
    // processes they carried the process-to-process gap); the second process loads them in the
    // other order, so neither is always the first app loaded.
    [
      [`${VARIANT.recipeMain}${FIRST}`, `${VARIANT.noTelemetry}${FIRST}`],
      { variants: [telemetryOn, telemetryOff] },
    ],
    [
      [`${VARIANT.noTelemetry}${SECOND}`, `${VARIANT.recipeMain}${SECOND}`],
      { variants: [telemetryOff, telemetryOn] },
    ],
  ];
  // Without them every promise in a process pays for the hooks once http-kit ran: own processes.
  const none = { nodeArguments: [] };
  const withoutArguments: [string[], WorkerTarget][] = [
    [[VARIANT.bareNoArgs], { ...one(BARE), ...none }],
    [[VARIANT.kitNoArgs], { ...one(KIT), ...none }],
    [[VARIANT.bareAfterKitNoArgs], { ...one(BARE), primePath: KIT, ...none }],
  ];
  return [
    ...deployed.map(([names, target]): [string[], WorkerTarget] => [
      names,
      { ...target, nodeArguments: [...DEPLOYED_NODE_ARGUMENTS] },
    ]),
    ...withoutArguments,
  ];
}

/** Per round, the geometric mean of a variant's two replica processes (`#1`, `#2`). */
function mergeReplicas(samples: Map<string, number[]>): Map<string, number[]> {
  const merged = new Map<string, number[]>();
  for (const [name, values] of samples) {
    if (name.endsWith(SECOND)) continue;
    if (!name.endsWith(FIRST)) {
      merged.set(name, values);
      continue;
    }
    const base = name.slice(0, -FIRST.length);
    const other = samples.get(`${base}${SECOND}`) ?? values;
    merged.set(
      base,
      values.map((value, round) => Math.sqrt(value * (other[round] ?? value))),
    );
  }
  return merged;
}

// Timing different answers would compare nothing: every variant must serve what the recipe's
// own bundle serves, so the bench's equivalent routes cannot drift from the recipe unnoticed.
async function checkSameAnswers(runners: readonly VariantRunner[]): Promise<void> {
  const reference = await runners.find((runner) => runner.name === VARIANT.recipe)?.answer();
  for (const runner of runners) {
    const answer = await runner.answer();
    if (runner.name.startsWith(VARIANT.floor)) {
      strictEqual(answer.status, 204, `${runner.name} must answer 204`);
      continue;
    }
    strictEqual(answer.status, 200, `${runner.name} must answer 200`);
    deepStrictEqual(answer.json, reference?.json, `${runner.name} must return the same JSON`);
    for (const header of ['etag', 'cache-control', 'x-correlation-id']) {
      strictEqual(answer.headers[header], reference?.headers[header], `${runner.name}: ${header}`);
    }
  }
}

/**
 * CPU µs per invocation of every variant, per round, through the local host in-process (no
 * socket). All apps are bundled now from the same sources, like the recipe's build.
 */
export async function runInvocationBench(): Promise<Map<string, number[]>> {
  const apps: BenchApp[] = [];
  const workers: VariantWorker[] = [];
  try {
    const dirs = { variants: '', recipeMain: '', noTelemetry: '' };
    for (const key of Object.keys(ENTRIES) as (keyof typeof ENTRIES)[]) {
      const app = await prepareBenchApp(ENTRIES[key]);
      apps.push(app);
      dirs[key] = app.dir;
    }
    // Started together; the ones that did start are stopped in `finally` even if another failed.
    const settled = await Promise.allSettled(
      workerPlan(dirs).map(([names, target]) => startVariantWorker(names, target)),
    );
    for (const result of settled) if (result.status === 'fulfilled') workers.push(result.value);
    const failure = settled.find(
      (result): result is PromiseRejectedResult => result.status === 'rejected',
    );
    if (failure) throw failure.reason;
    const runners = workers.flatMap((worker) => worker.runners);
    await checkSameAnswers(runners);
    const samples = await measureRounds(runners, {
      rounds: INVOCATION_ROUNDS,
      perRound: INVOCATIONS_PER_ROUND,
      slices: SLICES_PER_ROUND,
      warmup: WARMUP_INVOCATIONS,
    });
    return mergeReplicas(samples);
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await Promise.all(apps.map((app) => app.remove()));
  }
}
