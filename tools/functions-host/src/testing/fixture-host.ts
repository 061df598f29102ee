import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { HostLogEntry } from '../core/host-log.js';
import { createLocalHost } from '../host/create-local-host.js';
import type { LocalHost, LocalHostOptions } from '../host/local-host-options.js';

/** A fixture under test-fixtures/ by name, or any app directory by absolute path. */
export function fixturePath(name: string): string {
  if (isAbsolute(name)) return name;
  return fileURLToPath(new URL(`../../test-fixtures/${name}`, import.meta.url));
}

/** A fixture copied to a temp folder, for tests that build or edit it (tests never write into the source tree). */
export function copyFixture(name: string): { dir: string; remove(): void } {
  const dir = join(mkdtempSync(join(tmpdir(), `fixture-${name}-`)), name);
  cpSync(fixturePath(name), dir, { recursive: true });
  // the copy resolves @azure/* from the workspace install, as the original does
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  const workspaceModules = fileURLToPath(
    new URL('../../../../node_modules/@azure', import.meta.url),
  );
  symlinkSync(workspaceModules, join(dir, 'node_modules/@azure'), 'dir');
  return { dir, remove: () => rmSync(join(dir, '..'), { recursive: true, force: true }) };
}

export interface FixtureHost extends LocalHost {
  logs: HostLogEntry[];
  get(path: string, init?: RequestInit): Promise<Response>;
}

/** How a fixture runs: as written, or with `app.setup({ enableHttpStream: true })` first. */
export type FixtureMode = 'default' | 'streams';

/**
 * A temp copy of a fixture that enables HTTP streams before its own entry files load (the host
 * loads `main` matches in sorted order, and `__streams-setup.js` sorts first).
 */
function streamsCopy(name: string): { dir: string; remove(): void } {
  const copy = copyFixture(name);
  const packagePath = join(copy.dir, 'package.json');
  const pkg = JSON.parse(readFileSync(packagePath, 'utf8')) as { main: string };
  writeFileSync(
    join(copy.dir, '__streams-setup.js'),
    "require('@azure/functions').app.setup({ enableHttpStream: true });\n",
  );
  pkg.main = `{__streams-setup.js,${pkg.main}}`;
  writeFileSync(packagePath, JSON.stringify(pkg));
  return copy;
}

/** Starts a fixture app in-process with logs captured instead of printed. */
export async function startFixture(
  name: string,
  options: LocalHostOptions = {},
  mode: FixtureMode = 'default',
): Promise<FixtureHost> {
  const logs: HostLogEntry[] = [];
  const copy = mode === 'streams' ? streamsCopy(name) : undefined;
  let host: LocalHost;
  try {
    host = await createLocalHost(copy?.dir ?? fixturePath(name), {
      log: (entry) => logs.push(entry),
      ...options,
    });
  } catch (error) {
    copy?.remove();
    throw error;
  }
  const close = host.close.bind(host);
  return Object.assign(host, {
    logs,
    get: (path: string, init?: RequestInit) =>
      host.fetch(new Request(`http://localhost:7071${path}`, init)),
    close: async () => {
      await close();
      copy?.remove();
    },
  });
}
