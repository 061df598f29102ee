import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

import { RECIPE_DIR } from '../bench-settings.js';
import { bundleApp } from '../local-host.js';

const VARIANTS_ENTRY = resolve(import.meta.dirname, '../apps/variants-main.ts');

/** A throw-away function app: the variants entry bundled exactly like the recipe's build. */
export interface VariantsApp {
  dir: string;
  bytes: number;
  remove(): Promise<void>;
}

/** Writes package.json + the recipe's host.json to a temp folder and bundles the variants there. */
export async function prepareVariantsApp(): Promise<VariantsApp> {
  const dir = await mkdtemp(join(tmpdir(), 'apim-bench-variants-'));
  const packageJson = { name: 'apim-bench-variants', type: 'module', main: 'dist/main.js' };
  await writeFile(join(dir, 'package.json'), JSON.stringify(packageJson));
  await copyFile(join(RECIPE_DIR, 'host.json'), join(dir, 'host.json'));
  const { bytes } = await bundleApp(dir, { entry: relative(dir, VARIANTS_ENTRY) });
  return { dir, bytes, remove: () => rm(dir, { recursive: true, force: true }) };
}
