import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { recipeContractViolations, recipeReadmeSections } from './recipe-contract.js';
import { readProjects } from './workspace-layout.js';
import { workspaceRoot } from './workspace-root.js';

const recipes = readProjects().filter((p) => p.tags.includes('type:recipe'));

describe('every recipe keeps the cookbook contract', () => {
  it.each(recipes.map((r) => [r.name, r.dir] as const))('%s', (_name, dir) => {
    expect(recipeContractViolations(dir)).toEqual([]);
  });
});

describe('the contract check itself', () => {
  const scratch = mkdtempSync(join(workspaceRoot, 'tmp-recipe-contract-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('reports missing files, sections and app.* calls outside main.ts', () => {
    mkdirSync(join(scratch, 'src/functions'), { recursive: true });
    writeFileSync(join(scratch, 'README.md'), '# Broken\n\n## Overview\n\n## Run Locally\n');
    writeFileSync(join(scratch, 'src/main.ts'), "import './functions/hello.js';\n");
    writeFileSync(join(scratch, 'src/functions/hello.ts'), "app.http('hello', {});\n");
    const problems = recipeContractViolations(relative(workspaceRoot, scratch));
    expect(problems).toContain('missing requests.http');
    expect(problems).toContain('README lacks section "## When NOT to Use"');
    expect(problems.some((p) => p.includes('calls app.*'))).toBe(true);
    expect(problems).toContain('no unit test under src/');
    expect(problems.some((p) => p.startsWith('no e2e spec'))).toBe(true);
  });

  it('accepts a complete page', () => {
    const page = [
      '# Good',
      'Trigger: HTTP | Guarantee: at-most-once | Complexity: beginner',
      ...recipeReadmeSections.map((s) => `## ${s}\n`),
      '```mermaid\nflowchart LR\n a --> b\n```',
      '```mermaid\nsequenceDiagram\n a->>b: hi\n```',
    ].join('\n');
    const dir = join(scratch, 'good');
    mkdirSync(join(dir, 'src'), { recursive: true });
    for (const file of ['host.json', 'local.settings.example.json', 'requests.http']) {
      writeFileSync(join(dir, file), '{}');
    }
    writeFileSync(join(dir, 'README.md'), page);
    writeFileSync(join(dir, 'src/main.ts'), "app.http('x', {});\n");
    writeFileSync(join(dir, 'src/x.test.ts'), '');
    expect(recipeContractViolations(relative(workspaceRoot, dir))).toEqual([
      'no e2e spec apps/e2e/src/specs/good.spec.ts',
    ]);
  });
});
