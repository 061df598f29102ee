import { describe, expect, it } from 'vitest';

import { affectedProjects } from './affected-projects.js';
import { importsPackage, readProjects } from './workspace-layout.js';

const projects = readProjects();
const recipes = projects.filter((p) => p.tags.includes('type:recipe'));
const libs = projects.filter((p) => p.tags.includes('type:lib'));
const e2e = projects.filter((p) => p.tags.includes('type:e2e')).map((p) => p.name);

describe('nx affected reflects real imports', () => {
  it.each(libs.map((lib) => [lib.name, lib] as const))(
    'a change to lib %s marks exactly the recipes that import it',
    (_name, lib) => {
      const affected = affectedProjects([`${lib.dir}/src/index.ts`]);
      const users = recipes.filter((r) => importsPackage(r.dir, `@cookbook/${lib.name}`));
      for (const recipe of users) expect(affected).toContain(recipe.name);
      for (const recipe of recipes.filter((r) => !users.includes(r))) {
        const viaOtherLib = libs.some(
          (other) =>
            affected.includes(other.name) &&
            other !== lib &&
            importsPackage(recipe.dir, `@cookbook/${other.name}`),
        );
        if (!viaOtherLib) expect(affected).not.toContain(recipe.name);
      }
    },
  );

  it.each(recipes.map((recipe) => [recipe.name, recipe] as const))(
    'a change to recipe %s marks only that recipe and the e2e suite',
    (_name, recipe) => {
      const affected = affectedProjects([`${recipe.dir}/src/main.ts`]);
      expect(affected).toEqual([recipe.name, ...e2e].sort());
    },
  );

  it('the workspace has recipes and libs to check', () => {
    expect(recipes.length).toBeGreaterThan(0);
    expect(libs.length).toBeGreaterThan(0);
  });
});
