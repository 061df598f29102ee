import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// pino is CommonJS and requires node built-ins; an ESM bundle needs a real `require`
const ESM_REQUIRE_BANNER =
  "import { createRequire as __cookbookCreateRequire } from 'node:module';\n" +
  'const require = __cookbookCreateRequire(import.meta.url);';

// records every module the ESM loader resolves, so a test can prove what was (not) loaded
const RESOLVE_HOOKS = `import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(file, result.url + '\\n');
  return result;
}`;
const REGISTER_HOOKS = `import { register } from 'node:module';
register('./resolve-hooks.mjs', import.meta.url, { data: { file: process.env.RESOLVED_MODULES_FILE } });`;

export type BundleFormat = 'esm' | 'cjs';

export type BundledRun = {
  stdout: string;
  stderr: string;
  code: number | null;
  bundle: string;
  resolvedModules: string[];
};

/** A scratch app folder outside the source tree whose node_modules is the workspace's, as in an app. */
export function createScratchDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'logging-bundle-'));
  symlinkSync(join(projectRoot, '..', '..', 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Bundles `source` (which imports `@cookbook/logging`) into one file with esbuild, as recipes are. */
export async function bundle(
  source: string,
  format: BundleFormat,
  outFile: string,
  warnings: string[] = [],
): Promise<string> {
  const result = await build({
    stdin: {
      contents: source,
      resolveDir: join(projectRoot, 'src'),
      loader: 'ts',
      sourcefile: 'entry.ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format,
    conditions: ['@cookbook/source'],
    // recipes keep the heavy, optional telemetry package external too (see the functions-host bundler)
    external: ['@azure/monitor-opentelemetry'],
    banner: format === 'esm' ? { js: ESM_REQUIRE_BANNER } : {},
    logLevel: 'silent',
    write: false,
  });
  warnings.push(...result.warnings.map((warning) => warning.text));
  const text = result.outputFiles?.[0]?.text ?? '';
  writeFileSync(outFile, text);
  return text;
}

/** Bundles `source` and runs it with plain node, recording the modules it resolves. */
export async function runBundled(
  dir: string,
  source: string,
  options: { format?: BundleFormat; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<BundledRun> {
  const format = options.format ?? 'esm';
  const outFile = join(dir, `main.${format === 'esm' ? 'mjs' : 'cjs'}`);
  const text = await bundle(source, format, outFile);
  writeFileSync(join(dir, 'resolve-hooks.mjs'), RESOLVE_HOOKS);
  writeFileSync(join(dir, 'register-hooks.mjs'), REGISTER_HOOKS);
  const resolvedFile = join(dir, 'resolved-modules.txt');
  writeFileSync(resolvedFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...options.env,
    RESOLVED_MODULES_FILE: resolvedFile,
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', join(dir, 'register-hooks.mjs'), outFile],
      { cwd: dir, env, timeout: options.timeoutMs ?? 20_000 },
      (error, stdout, stderr) => {
        resolve({
          stdout,
          stderr,
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          bundle: text,
          resolvedModules: readFileSync(resolvedFile, 'utf8').split('\n').filter(Boolean),
        });
      },
    );
  });
}
