import { copyFile, mkdir, readdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { build } from 'esbuild';
import { glob } from 'tinyglobby';

import { RECIPE_DIR } from '../bench-settings.js';

const WORKSPACE_MODULES = resolve(RECIPE_DIR, '../../node_modules');
const SCOPE = '@cookbook';
// Runtime sources only: what a tsc build of tsconfig.app.json / tsconfig.lib.json would deploy.
const NOT_RUNTIME = [
  '**/*.test.ts',
  '**/*.bench.ts',
  '**/*.fixture.ts',
  '**/*.d.ts',
  '**/testing.ts',
  '**/testing/**',
  '**/test-support/**',
];

interface PackageJson {
  name?: string;
  dependencies?: Record<string, string>;
}

async function readPackage(dir: string): Promise<PackageJson> {
  return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** Transpiles `<from>/src/**` file by file (no bundling) to `<to>/src/**`; returns the file count. */
async function transpileSources(from: string, to: string): Promise<number> {
  const files = await glob('src/**/*.ts', { cwd: from, absolute: true, ignore: NOT_RUNTIME });
  await build({
    entryPoints: files,
    outdir: join(to, 'src'),
    outbase: join(from, 'src'),
    bundle: false,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'silent',
  });
  return files.length;
}

/** The workspace libraries the recipe needs at run time, following their dependencies. */
async function workspaceLibraries(): Promise<string[]> {
  const found = new Set<string>();
  const visit = async (pkg: PackageJson): Promise<void> => {
    for (const name of Object.keys(pkg.dependencies ?? {})) {
      if (!name.startsWith(`${SCOPE}/`) || found.has(name)) continue;
      found.add(name);
      await visit(await readPackage(join(WORKSPACE_MODULES, name)));
    }
  };
  await visit(await readPackage(RECIPE_DIR));
  return [...found];
}

/** What an "unbundled" deployment is: one .js per .ts, libs as packages, node_modules as installed. */
export interface UnbundledApp {
  appDir: string;
  files: number;
}

/**
 * Lays out `<root>/app` (the recipe transpiled 1:1, main → src/main.js) and `<root>/node_modules`
 * (workspace libs transpiled 1:1 as packages; every other package linked to the installed one).
 */
export async function prepareUnbundledApp(root: string): Promise<UnbundledApp> {
  const appDir = join(root, 'app');
  const modules = join(root, 'node_modules');
  await mkdir(join(modules, SCOPE), { recursive: true });
  let files = await transpileSources(RECIPE_DIR, appDir);
  await writeFile(
    join(appDir, 'package.json'),
    JSON.stringify({
      name: 'apim-function-backend-unbundled',
      type: 'module',
      main: 'src/main.js',
    }),
  );
  await copyFile(join(RECIPE_DIR, 'host.json'), join(appDir, 'host.json'));
  for (const name of await workspaceLibraries()) {
    const source = await realpath(join(WORKSPACE_MODULES, name));
    const target = join(modules, name);
    files += await transpileSources(source, target);
    const { dependencies } = await readPackage(source);
    const manifest = { name, type: 'module', exports: { '.': './src/index.js' }, dependencies };
    await writeFile(join(target, 'package.json'), JSON.stringify(manifest));
  }
  for (const entry of await readdir(WORKSPACE_MODULES)) {
    if (entry.startsWith('.') || entry === SCOPE) continue;
    await symlink(join(WORKSPACE_MODULES, entry), join(modules, entry));
  }
  return { appDir, files };
}
