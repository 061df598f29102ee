import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { fixturePath } from './fixture-host.js';

export interface FixtureCopy {
  dir: string;
  remove(): void;
}

/**
 * Copies a fixture app into the OS temp directory, for tests that make the host write files
 * (`.local-keys.json`): the source tree stays untouched. `node_modules` links to the
 * workspace's, so the app loads the same `@azure/functions` copy as the tests.
 */
export function copyFixture(name: string): FixtureCopy {
  const dir = mkdtempSync(join(tmpdir(), `functions-host-${name}-`));
  cpSync(fixturePath(name), dir, { recursive: true });
  symlinkSync(workspaceNodeModules(), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function workspaceNodeModules(): string {
  for (let dir = fixturePath('.'); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules');
    if (existsSync(join(candidate, '@azure', 'functions'))) return candidate;
  }
  throw new Error('No node_modules with @azure/functions above the fixtures: run npm ci.');
}
