import { copyFile, mkdir, readdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { build } from 'esbuild';
import { glob } from 'tinyglobby';

import { RECIPE_DIR } from '../bench-settings.js';

const WORKSPACE_MODULES = resolve(import.meta.dirname, '../../../../../node_modules');
const SCOPE = '@cookbook';
// The recipe-shaped app: main, the catalog route and what it imports (see ../apps).
const APP_DIR = resolve(import.meta.dirname, '../apps');
const APP_FILES = [
  'telemetry-main.ts',
  'register-catalog.ts',
  'catalog-item-route.ts',
  'apim-fields.ts',
  'catalog.ts',
];
const APP_LIBRARIES = ['@cookbook/http-kit', '@cookbook/logging'];
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
  exports?: Record<string, string | Record<string, string>>;
}

/** The package's runtime entries (`.`, `./internal`, …) pointed at their transpiled sources. */
function transpiledExports(pkg: PackageJson): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [key, value] of Object.entries(pkg.exports ?? {})) {
    const source = typeof value === 'string' ? undefined : value['@cookbook/source'];
    if (source?.endsWith('.ts')) entries[key] = source.replace(/\.ts$/, '.js');
  }
  return entries;
}

async function readPackage(dir: string): Promise<PackageJson> {
  return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** Transpiles `files` of `from` one by one (no bundling) into `to`; returns the file count. */
async function transpile(files: readonly string[], from: string, to: string): Promise<number> {
  await build({
    entryPoints: [...files],
    outdir: to,
    outbase: from,
    bundle: false,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    logLevel: 'silent',
  });
  return files.length;
}

/** Transpiles a library's runtime `src/**` 1:1 to `<to>/src/**`. */
async function transpileLibrary(from: string, to: string): Promise<number> {
  const files = await glob('src/**/*.ts', { cwd: from, absolute: true, ignore: NOT_RUNTIME });
  return transpile(files, join(from, 'src'), join(to, 'src'));
}

/** The workspace libraries the app needs at run time, following their dependencies. */
async function workspaceLibraries(): Promise<string[]> {
  const found = new Set<string>();
  const visit = async (names: readonly string[]): Promise<void> => {
    for (const name of names) {
      if (!name.startsWith(`${SCOPE}/`) || found.has(name)) continue;
      found.add(name);
      const { dependencies } = await readPackage(join(WORKSPACE_MODULES, name));
      await visit(Object.keys(dependencies ?? {}));
    }
  };
  await visit(APP_LIBRARIES);
  return [...found];
}

/** What an "unbundled" deployment is: one .js per .ts, libs as packages, node_modules as installed. */
export interface UnbundledApp {
  appDir: string;
  files: number;
}

/**
 * Lays out `<root>/app` (the recipe-shaped bench app transpiled 1:1, main → telemetry-main.js)
 * and `<root>/node_modules` (workspace libs transpiled 1:1 as packages; every other package
 * linked to the installed one).
 */
export async function prepareUnbundledApp(root: string): Promise<UnbundledApp> {
  const appDir = join(root, 'app');
  const modules = join(root, 'node_modules');
  await mkdir(join(modules, SCOPE), { recursive: true });
  const appFiles = APP_FILES.map((file) => join(APP_DIR, file));
  let files = await transpile(appFiles, APP_DIR, appDir);
  await writeFile(
    join(appDir, 'package.json'),
    JSON.stringify({ name: 'bench-app-unbundled', type: 'module', main: 'telemetry-main.js' }),
  );
  await copyFile(join(RECIPE_DIR, 'host.json'), join(appDir, 'host.json'));
  for (const name of await workspaceLibraries()) {
    const source = await realpath(join(WORKSPACE_MODULES, name));
    const target = join(modules, name);
    files += await transpileLibrary(source, target);
    const pkg = await readPackage(source);
    const manifest = {
      name,
      type: 'module',
      exports: transpiledExports(pkg),
      dependencies: pkg.dependencies,
    };
    await writeFile(join(target, 'package.json'), JSON.stringify(manifest));
  }
  for (const entry of await readdir(WORKSPACE_MODULES)) {
    if (entry.startsWith('.') || entry === SCOPE) continue;
    await symlink(join(WORKSPACE_MODULES, entry), join(modules, entry));
  }
  return { appDir, files };
}
