import { deepStrictEqual, strictEqual } from 'node:assert/strict';

import {
  INVOCATION_ROUNDS,
  INVOCATIONS_PER_ROUND,
  ITEM_ID,
  RECIPE_DIR,
  WARMUP_INVOCATIONS,
} from '../bench-settings.js';
import { measureRounds } from './measure-rounds.js';
import { prepareVariantsApp } from './prepare-variants-app.js';
import { startVariantWorker, type VariantWorker } from './start-variant-worker.js';
import type { VariantTarget } from './variant-protocol.js';

/** The variants of GET catalog/{item_id}, in table order. */
export const VARIANT = {
  floor: 'floor: handler returns 204',
  bare: 'bare handler, same JSON',
  kit: 'http-kit full stack (recipe route)',
  hono: 'Hono + zod-validator + adapter',
  recipeBuild: 'recipe dist/main.js (telemetry off)',
  bareAfterKit: 'bare, after one http-kit call',
} as const;

const KIT_PATH = `/api/catalog/${ITEM_ID}`;

function targets(variantsDir: string): [string, VariantTarget][] {
  return [
    [VARIANT.floor, { appDir: variantsDir, path: `/api/floor/catalog/${ITEM_ID}` }],
    [VARIANT.bare, { appDir: variantsDir, path: `/api/bare/catalog/${ITEM_ID}` }],
    [VARIANT.kit, { appDir: variantsDir, path: KIT_PATH }],
    [VARIANT.hono, { appDir: variantsDir, path: `/api/hono/catalog/${ITEM_ID}` }],
    [VARIANT.recipeBuild, { appDir: RECIPE_DIR, path: KIT_PATH }],
    [
      VARIANT.bareAfterKit,
      { appDir: variantsDir, path: `/api/bare/catalog/${ITEM_ID}`, primePath: KIT_PATH },
    ],
  ];
}

// Timing different answers would compare nothing: every variant must serve the same item.
async function checkSameAnswers(workers: readonly VariantWorker[]): Promise<void> {
  const reference = await workers.find((worker) => worker.name === VARIANT.kit)?.answer();
  for (const worker of workers) {
    const answer = await worker.answer();
    if (worker.name === VARIANT.floor) {
      strictEqual(answer.status, 204, `${worker.name} must answer 204`);
      continue;
    }
    strictEqual(answer.status, 200, `${worker.name} must answer 200`);
    deepStrictEqual(answer.json, reference?.json, `${worker.name} must return the same JSON`);
    for (const header of ['etag', 'cache-control', 'x-correlation-id']) {
      strictEqual(answer.headers[header], reference?.headers[header], `${worker.name}: ${header}`);
    }
  }
}

/** µs per invocation of every variant through the local host in-process (no socket), per round. */
export async function runInvocationBench(): Promise<Map<string, number[]>> {
  const app = await prepareVariantsApp();
  const workers: VariantWorker[] = [];
  try {
    for (const [name, target] of targets(app.dir)) {
      workers.push(await startVariantWorker(name, target));
    }
    await checkSameAnswers(workers);
    return await measureRounds(workers, {
      rounds: INVOCATION_ROUNDS,
      perRound: INVOCATIONS_PER_ROUND,
      warmup: WARMUP_INVOCATIONS,
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await app.remove();
  }
}
