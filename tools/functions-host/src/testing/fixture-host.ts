import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { HostLogEntry } from '../core/host-log.js';
import { createLocalHost } from '../host/create-local-host.js';
import type { LocalHost, LocalHostOptions } from '../host/local-host-options.js';

/** A fixture under test-fixtures/ by name, or any app directory by absolute path. */
export function fixturePath(name: string): string {
  if (isAbsolute(name)) return name;
  return fileURLToPath(new URL(`../../test-fixtures/${name}`, import.meta.url));
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
