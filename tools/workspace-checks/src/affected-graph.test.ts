import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { affectedProjects } from './affected-projects.js';
import { importsPackage, readProjects } from './workspace-layout.js';
import { workspaceRoot } from './workspace-root.js';

const projects = readProjects();
const recipes = projects.filter((p) => p.tags.includes('type:recipe'));
const libs = projects.filter((p) => p.tags.includes('type:lib'));
const e2e = projects.filter((p) => p.tags.includes('type:e2e')).map((p) => p.name);
// The docs site is generated from every recipe's page, metadata and OpenAPI document.
const site = projects.filter((p) => p.tags.includes('type:site')).map((p) => p.name);

/** Workspace projects a recipe's package.json depends on (its tests run on the tools it lists). */
function declaredDependencies(dir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(workspaceRoot, dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
    .filter((name) => name.startsWith('@cookbook/'))
    .map((name) => name.slice('@cookbook/'.length));
}

describe('nx affected reflects real imports', () => {
  it.each(libs.map((lib) => [lib.name, lib] as const))(
    'a change to lib %s marks exactly the recipes that import it',
    (_name, lib) => {
      const affected = affectedProjects([`${lib.dir}/src/index.ts`]);
      const users = recipes.filter((r) => importsPackage(r.dir, `@cookbook/${lib.name}`));
      for (const recipe of users) expect(affected).toContain(recipe.name);
      for (const recipe of recipes.filter((r) => !users.includes(r))) {
        // reached through another lib or tool it declares (e.g. the local host its tests run on)
        const viaDependency = declaredDependencies(recipe.dir).some(
          (dependency) => dependency !== lib.name && affected.includes(dependency),
        );
        if (!viaDependency) expect(affected).not.toContain(recipe.name);
      }
    },
  );

  it.each(recipes.map((recipe) => [recipe.name, recipe] as const))(
    'a change to recipe %s marks only that recipe, the e2e suites and the docs site',
    (_name, recipe) => {
      const affected = affectedProjects([`${recipe.dir}/src/main.ts`]);
      expect(affected).toEqual([recipe.name, ...e2e, ...site].sort());
    },
  );

  it('the workspace has recipes and libs to check', () => {
    expect(recipes.length).toBeGreaterThan(0);
    expect(libs.length).toBeGreaterThan(0);
  });
});
