import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { join, relative, resolve } from 'node:path';

import { build, type BuildOptions, context, type Plugin } from 'esbuild';

/** Kept out of the bundle: provided by the worker, or heavy and only loaded lazily when configured. */
export const DEFAULT_EXTERNALS: string[] = [
  '@azure/functions-core',
  '@azure/monitor-opentelemetry',
  '@azure/functions-opentelemetry-instrumentation',
  'applicationinsights',
  'pino-pretty',
];

// Bare builtins ("stream") become `node:stream`: not every ESM loader knows the bare names (vitest's does not).
const nodeBuiltins: Plugin = {
  name: 'node-builtins',
  setup(builder) {
    builder.onResolve({ filter: /^[a-z_]+(?:\/[a-z_]+)?$/ }, ({ path }) =>
      isBuiltin(path) ? { path: `node:${path}`, external: true } : undefined,
    );
  },
};

export interface BundleOptions {
  /** Entry file relative to the app (default `src/main.ts`). */
  entry?: string;
  /** Extra packages to keep external. */
  external?: string[];
  /** Minify the output (default false, so stack traces stay readable). */
  minify?: boolean;
}

export interface BundleResult {
  outfile: string;
  bytes: number;
  durationMs: number;
}

async function buildOptions(appDir: string, options: BundleOptions): Promise<BuildOptions> {
  const dir = resolve(appDir);
  const packageJson = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
    main?: string;
    type?: string;
  };
  const main =
    packageJson.main && !/[*?{[]/.test(packageJson.main) ? packageJson.main : 'dist/main.js';
  const entry = join(dir, options.entry ?? 'src/main.ts');
  if (!existsSync(entry)) {
    throw new Error(
      `No entry file ${relative(process.cwd(), entry)}: a recipe's entry is src/main.ts.`,
    );
  }
  const esm = main.endsWith('.mjs') || (packageJson.type === 'module' && !main.endsWith('.cjs'));
  return {
    absWorkingDir: dir,
    entryPoints: [entry],
    outfile: join(dir, main),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: esm ? 'esm' : 'cjs',
    sourcemap: 'linked',
    // Mappings only: Node maps stack traces (and reads a fatal error's source line from disk)
    // without the sources inlined, and a host started with source maps on parses a 3× smaller map.
    sourcesContent: false,
    minify: options.minify ?? false,
    // Workspace libraries resolve to their TypeScript sources, so they need no build of their own.
    conditions: ['@cookbook/source'],
    external: [...DEFAULT_EXTERNALS, ...(options.external ?? [])],
    // The library is CommonJS and require()s @azure/functions-core at runtime; ESM output needs a real require.
    banner: esm
      ? {
          js: "import { createRequire as __cookbookCreateRequire } from 'node:module';\nconst require = __cookbookCreateRequire(import.meta.url);",
        }
      : {},
    plugins: [nodeBuiltins],
    logLevel: 'silent',
    metafile: true,
  };
}

/** Bundles `<appDir>/src/main.ts` into the single file named by package.json "main" (+ .map). */
export async function bundleApp(
  appDir: string,
  options: BundleOptions = {},
): Promise<BundleResult> {
  const started = performance.now();
  const config = await buildOptions(appDir, options);
  const result = await build(config);
  const outfile = config.outfile ?? '';
  const output = Object.entries(result.metafile?.outputs ?? {}).find(([path]) =>
    path.endsWith('.js'),
  );
  return {
    outfile,
    bytes: output?.[1].bytes ?? 0,
    durationMs: Math.round(performance.now() - started),
  };
}

/** A watching bundler: esbuild tracks every input file, including workspace libs, and rebuilds. */
export async function watchApp(
  appDir: string,
  options: BundleOptions,
  onBuild: (result: { errors: string[]; durationMs: number }) => void,
): Promise<{ dispose(): Promise<void> }> {
  const config = await buildOptions(appDir, options);
  const notify: Plugin = {
    name: 'notify',
    setup(builder) {
      let started = performance.now();
      builder.onStart(() => {
        started = performance.now();
      });
      builder.onEnd((result) => {
        onBuild({
          errors: result.errors.map((error) => formatMessage(error.text, error.location)),
          durationMs: Math.round(performance.now() - started),
        });
      });
    },
  };
  const ctx = await context({ ...config, plugins: [...(config.plugins ?? []), notify] });
  await ctx.watch();
  return { dispose: () => ctx.dispose() };
}

function formatMessage(
  text: string,
  location: { file: string; line: number; column: number } | null,
): string {
  return location ? `${location.file}:${location.line}:${location.column}: ${text}` : text;
}
