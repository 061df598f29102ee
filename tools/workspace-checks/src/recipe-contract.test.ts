import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readRecipes, withRecipeTable } from '@cookbook/recipes';
import { format } from 'prettier';
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
  const scratch = mkdtempSync(join(tmpdir(), 'recipe-contract-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('reports missing files, sections and app.* calls outside main.ts', () => {
    mkdirSync(join(scratch, 'src/functions'), { recursive: true });
    writeFileSync(join(scratch, 'README.md'), '# Broken\n\n## Overview\n\n## Run Locally\n');
    writeFileSync(join(scratch, 'src/main.ts'), "import './functions/hello.js';\n");
    writeFileSync(join(scratch, 'src/functions/hello.ts'), "app.http('hello', {});\n");
    const problems = recipeContractViolations(scratch);
    expect(problems).toContain('missing requests.http');
    expect(problems).toContain('README lacks section "## When NOT to Use"');
    expect(problems.some((p) => p.includes('calls app.*'))).toBe(true);
    expect(problems).toContain('no unit test under src/');
    expect(problems.some((p) => p.startsWith('no e2e spec'))).toBe(true);
  });

  it('reports a recipe without metadata, and a page that disagrees with it', () => {
    const dir = join(scratch, 'drifted');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{}');
    expect(recipeContractViolations(dir)).toContain(
      'package.json lacks the "cookbook" metadata block',
    );
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        cookbook: {
          title: 'Drifted',
          summary: 's',
          trigger: 'HTTP',
          guarantee: 'g',
          complexity: 'advanced',
          tags: ['x'],
          local: { readyPath: '/' },
        },
      }),
    );
    writeFileSync(
      join(dir, 'README.md'),
      '# Other\n\nTrigger: HTTP | Guarantee: g | Complexity: beginner\n',
    );
    const problems = recipeContractViolations(dir);
    expect(problems).toContain('README title "Other" differs from metadata title "Drifted"');
    expect(problems).toContain(
      'README lacks the metadata line "Trigger: HTTP | Guarantee: g | Complexity: advanced" (from package.json "cookbook")',
    );
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
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        cookbook: {
          title: 'Good',
          summary: 'A complete page.',
          trigger: 'HTTP',
          guarantee: 'at-most-once',
          complexity: 'beginner',
          tags: ['basics'],
          local: { readyPath: '/api/x' },
        },
      }),
    );
    writeFileSync(join(dir, 'src/main.ts'), "app.http('x', {});\n");
    writeFileSync(join(dir, 'src/x.test.ts'), '');
    expect(recipeContractViolations(dir)).toEqual(['no e2e spec apps/e2e/src/specs/good.spec.ts']);
  });
});

describe('the root README', () => {
  it('carries the recipe table generated from the registry (npx nx run recipes:readme-table)', async () => {
    const file = join(workspaceRoot, 'README.md');
    const current = readFileSync(file, 'utf8');
    expect(await format(withRecipeTable(current, readRecipes()), { filepath: file })).toBe(current);
  });
});
