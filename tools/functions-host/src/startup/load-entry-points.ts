import { createRequire } from 'node:module';
import { extname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

import { glob } from 'tinyglobby';

import type { AppRuntime } from '../core/app-runtime.js';
import { isRecord, readJsonFile } from './read-json-file.js';
import { StartupError } from './startup-error.js';

const requireFromHere = createRequire(import.meta.url);
let loadCount = 0;
/** Installed copies of the library that an app has already started with in this process. */
const startedLibraryCopies = new Set<string>();

/** Loads `package.json#main` like the worker: a glob; import() for .mjs or "type": "module". */
export async function loadEntryPoints(app: AppRuntime): Promise<string[]> {
  const packagePath = join(app.appDir, 'package.json');
  const packageJson = await readJsonFile(packagePath);
  if (!isRecord(packageJson)) {
    throw new StartupError(
      `No package.json in ${app.appDir}: the host loads the app from its "main".`,
    );
  }
  const main = packageJson['main'];
  if (typeof main !== 'string' || main.trim() === '') {
    throw new StartupError(
      `${packagePath} has no "main". Set it to the built entry file or a glob, e.g. "dist/main.js".`,
    );
  }
  const files = await glob(main, { cwd: app.appDir, absolute: true, onlyFiles: true });
  if (files.length === 0) {
    throw new StartupError(
      `No file matches "main": "${main}" in ${packagePath}. Build the app first (e.g. npx nx build <recipe>) or fix the path.`,
    );
  }
  files.sort();
  forgetAppModules(app.appDir);
  const library = freshLibraryCopy(app.appDir);
  loadCount += 1;
  const isModuleType = packageJson['type'] === 'module';
  for (const file of files) {
    app.currentEntryPoint = relative(app.appDir, file);
    try {
      const ext = extname(file);
      if (ext === '.mjs' || (isModuleType && ext !== '.cjs')) {
        // The query makes each host evaluate the entry module afresh (ESM has no require.cache).
        await import(`${pathToFileURL(file).href}?host-load=${loadCount}`);
      } else {
        requireFromHere(file);
      }
    } catch (error) {
      if (error instanceof StartupError) throw error;
      throw new StartupError(
        `Worker was unable to load entry point "${app.currentEntryPoint}": ${describeLoadError(error)}\nFix the error in that file (or what it imports) and restart.`,
        { cause: error },
      );
    } finally {
      app.currentEntryPoint = undefined;
    }
  }
  if (library && requireFromHere.cache[library]) startedLibraryCopies.add(library);
  return files;
}

/**
 * A worker process runs one app, but tests run several hosts in one process. The library keeps
 * app-wide state in its module (setup() locked after start-up, `enableHttpStream`, the HTTP-streams
 * proxy), so an installed copy that already started an app is dropped from require.cache and the
 * next app gets a fresh one. Bundled apps carry their own copy anyway.
 */
function freshLibraryCopy(appDir: string): string | undefined {
  let file: string;
  try {
    file = createRequire(join(appDir, 'package.json')).resolve('@azure/functions');
  } catch {
    return undefined;
  }
  if (startedLibraryCopies.delete(file)) delete requireFromHere.cache[file];
  return file;
}

/** Drops the app's own CommonJS modules so a new host re-runs its registrations. */
function forgetAppModules(appDir: string): void {
  const prefix = appDir.endsWith(sep) ? appDir : appDir + sep;
  const cache = requireFromHere.cache;
  for (const id of Object.keys(cache)) {
    if (id.startsWith(prefix) && !id.includes(`${sep}node_modules${sep}`)) delete cache[id];
  }
}

/** The error plus, for syntax errors, the `file:line` Node puts at the top of the stack. */
function describeLoadError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const summary = `${error.name}: ${error.message}`;
  const location = error instanceof SyntaxError ? error.stack?.split('\n')[0] : undefined;
  return location && /:\d+$/.test(location) ? `${summary} (at ${location})` : summary;
}
