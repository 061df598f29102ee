import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { deploymentPackageJson, RUNTIME_PACKAGES } from './deployment-package.js';

const bundle = readFileSync(join(import.meta.dirname, '../dist/main.js'), 'utf8');
// The worker provides @azure/functions-core; everything else must be in the bundle or deployed.
const PROVIDED = new Set(['@azure/functions-core', ...builtinModules]);

function packageOf(specifier: string): string {
  const parts = specifier.replace(/^node:/, '').split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
}

describe('the deployment package', () => {
  const packageJson = deploymentPackageJson('apim-function-backend') as {
    main: string;
    type: string;
    dependencies: Record<string, string>;
  };

  it('depends only on the runtime packages, pinned to the installed versions', () => {
    expect(Object.keys(packageJson.dependencies).sort()).toEqual([...RUNTIME_PACKAGES].sort());
    for (const version of Object.values(packageJson.dependencies)) {
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('never lists a workspace package, which npm would look up on the public registry', () => {
    expect(JSON.stringify(packageJson)).not.toContain('@cookbook/');
  });

  it('loads the ESM bundle as its entry point', () => {
    expect(packageJson).toMatchObject({ main: 'dist/main.js', type: 'module' });
  });

  it('covers every package the bundle loads at runtime', () => {
    const loaded = [
      ...bundle.matchAll(
        /(?:\bfrom |\bimport\(|\brequire\d*\(|\brequire\d*\.resolve\()"([^".][^"]*)"/g,
      ),
    ].map((match) => packageOf(match[1] ?? ''));
    const missing = [...new Set(loaded)].filter(
      (name) => !PROVIDED.has(name) && !RUNTIME_PACKAGES.includes(name),
    );
    expect(missing).toEqual([]);
    // Telemetry is imported through a variable, so look for the name itself.
    for (const name of RUNTIME_PACKAGES) expect(bundle).toContain(`"${name}`);
  });
});
