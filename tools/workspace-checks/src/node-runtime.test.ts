import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';

import { workspaceRoot } from './workspace-root.js';

const read = (path: string): string => readFileSync(join(workspaceRoot, path), 'utf8');
const runningMajor = process.versions.node.split('.')[0];

/** Node majors that a Bicep (`runtime: { name: 'node' version: 'N' }`) or Terraform file deploys. */
function deployedNodeMajors(): { file: string; major: string }[] {
  const files = globSync(
    ['apps/*/infra/**/*.bicep', 'apps/*/infra/**/*.tf', 'infra/**/*.{bicep,tf}'],
    {
      cwd: workspaceRoot,
    },
  );
  return files.flatMap((file) => {
    const text = read(file);
    const bicep = [...text.matchAll(/name: 'node'\s+version: '(\d+)'/g)];
    const terraform = [...text.matchAll(/runtime_name\s+= "node"\s+runtime_version\s+= "(\d+)"/g)];
    return [...bicep, ...terraform].map((match) => ({ file, major: match[1] ?? '' }));
  });
}

describe('one Node.js major everywhere: the tests, the lockfile, the docs and Azure', () => {
  it('the IaC deploys at least one Function App runtime (the check below is not vacuous)', () => {
    expect(deployedNodeMajors().length).toBeGreaterThan(0);
  });

  it('every Function App is deployed on the Node major that runs these tests', () => {
    for (const { file, major } of deployedNodeMajors())
      expect({ file, major }).toEqual({ file, major: runningMajor });
  });

  it('.node-version, engines and the lockfile Node binary name that major', () => {
    const pkg = JSON.parse(read('package.json')) as {
      engines: { node: string };
      optionalDependencies: Record<string, string>;
    };
    expect(read('.node-version').trim()).toBe(runningMajor);
    expect(pkg.engines.node).toMatch(new RegExp(`^\\^${runningMajor}\\.`));
    const binaries = Object.entries(pkg.optionalDependencies).filter(([name]) =>
      /^node-(bin-)?\w+-\w+$/.test(name),
    );
    expect(binaries.length).toBeGreaterThan(0);
    for (const [name, version] of binaries)
      expect({ name, major: version.split('.')[0] }).toEqual({ name, major: runningMajor });
  });

  it('GitHub workflows take the Node version from .node-version, never a literal', () => {
    for (const file of globSync('.github/workflows/*.yml', { cwd: workspaceRoot })) {
      const text = read(file);
      if (!text.includes('setup-node')) continue;
      expect({ file, pinned: text.includes('node-version-file: .node-version') }).toEqual({
        file,
        pinned: true,
      });
      expect(text).not.toMatch(/node-version:\s*['"]?\d/);
    }
  });
});
