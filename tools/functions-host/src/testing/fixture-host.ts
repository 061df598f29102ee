import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
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

/** Starts a fixture app in-process with logs captured instead of printed. */
export async function startFixture(
  name: string,
  options: LocalHostOptions = {},
): Promise<FixtureHost> {
  const logs: HostLogEntry[] = [];
  const host = await createLocalHost(fixturePath(name), {
    log: (entry) => logs.push(entry),
    ...options,
  });
  return Object.assign(host, {
    logs,
    get: (path: string, init?: RequestInit) =>
      host.fetch(new Request(`http://localhost:7071${path}`, init)),
  });
}
