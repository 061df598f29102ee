import { join, resolve } from 'node:path';

import { build, type Plugin } from 'esbuild';

const LAUNCHER_ENTRY = resolve(import.meta.dirname, 'host-launcher.ts');

// The launcher never bundles apps; a side-effect-free stub lets esbuild drop bundleApp entirely.
const stubEsbuild: Plugin = {
  name: 'stub-esbuild',
  setup(builder) {
    builder.onResolve({ filter: /^esbuild$/ }, () => ({
      path: 'esbuild',
      namespace: 'stub',
      sideEffects: false,
    }));
    builder.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export const build = undefined; export const context = undefined;',
    }));
  },
};

/** Bundles the host launcher into `<dir>/launcher.mjs` (plain node, no tsx at start-up). */
export async function bundleLauncher(dir: string): Promise<string> {
  const outfile = join(dir, 'launcher.mjs');
  await build({
    entryPoints: [LAUNCHER_ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    conditions: ['@cookbook/source'],
    plugins: [stubEsbuild],
    banner: {
      js: "import { createRequire as __benchCreateRequire } from 'node:module';\nconst require = __benchCreateRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
  return outfile;
}
