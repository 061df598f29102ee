import { execFile } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { build } from 'esbuild';

import { benchChildEnv } from '../bench-settings.js';
import { median } from '../stats.js';

const WORKSPACE_MODULES = resolve(import.meta.dirname, '../../../../../node_modules');

/** One module graph whose evaluation is timed on its own, in a fresh process. */
export interface ImportEntry {
  name: string;
  /** ESM source; bundled like a recipe (one file, workspace libs from source). */
  source: string;
}

// The entry reports this process's CPU time once its imports have been evaluated.
const REPORT = `\nconst { user, system } = process.cpuUsage();\nprocess.stdout.write(String((user + system) / 1000));\n`;

async function bundleEntry(dir: string, entry: ImportEntry, index: number): Promise<string> {
  const outfile = join(dir, `entry-${index}.mjs`);
  await build({
    stdin: { contents: entry.source + REPORT, resolveDir: import.meta.dirname, loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    conditions: ['@cookbook/source'],
    external: ['@azure/functions-core', '@azure/monitor-opentelemetry'],
    banner: {
      js: "import { createRequire as __benchCreateRequire } from 'node:module';\nconst require = __benchCreateRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
  return outfile;
}

function cpuOf(file: string, cwd: string): Promise<number> {
  return new Promise((resolveCpu, reject) => {
    execFile(process.execPath, [file], { cwd, env: benchChildEnv() }, (error, stdout) => {
      if (error) reject(error);
      else resolveCpu(Number(stdout.trim().split('\n').at(-1)));
    });
  });
}

/**
 * CPU ms of a fresh `node` process that evaluates each entry's bundle, median of `runs`
 * alternating runs, the first entry (an empty module) being node's own start-up.
 */
export async function measureImportCosts(
  dir: string,
  entries: readonly ImportEntry[],
  runs: number,
): Promise<Map<string, number>> {
  const appDir = join(dir, 'import-costs');
  await mkdir(appDir, { recursive: true });
  await symlink(WORKSPACE_MODULES, join(appDir, 'node_modules'), 'dir');
  const files = await Promise.all(entries.map((entry, index) => bundleEntry(appDir, entry, index)));
  await writeFile(join(appDir, 'package.json'), JSON.stringify({ type: 'module' }));
  const samples = entries.map((): number[] => []);
  for (let run = 0; run < runs; run += 1) {
    for (let offset = 0; offset < files.length; offset += 1) {
      const index = (run + offset) % files.length;
      samples[index]?.push(await cpuOf(files[index] as string, appDir));
    }
  }
  return new Map(entries.map((entry, index) => [entry.name, median(samples[index] ?? [])]));
}
