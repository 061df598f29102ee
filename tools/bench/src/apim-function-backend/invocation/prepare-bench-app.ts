import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { RECIPE_DIR } from '../bench-settings.js';
import { bundleApp } from '../local-host.js';

/** A throw-away function app bundled from one entry file. */
export interface BenchApp {
  dir: string;
  /** The bundle (package.json#main). */
  outfile: string;
  remove(): Promise<void>;
}

/** Bundles `entry` exactly like a recipe's build, into a temp app with the recipe's host.json. */
export async function prepareBenchApp(entry: string): Promise<BenchApp> {
  const dir = await mkdtemp(join(tmpdir(), 'apim-bench-app-'));
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const packageJson = { name: 'apim-bench-app', type: 'module', main: 'dist/main.js' };
    await writeFile(join(dir, 'package.json'), JSON.stringify(packageJson));
    await copyFile(join(RECIPE_DIR, 'host.json'), join(dir, 'host.json'));
    const { outfile } = await bundleApp(dir, { entry: relative(dir, entry) });
    return { dir, outfile, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
