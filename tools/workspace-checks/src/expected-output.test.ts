import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { compareExpectedOutput } from './expected-output/expected-output.js';
import { findPageCommands } from './expected-output/page-exchanges.js';
import { readProjects } from './workspace-layout.js';
import { workspaceRoot } from './workspace-root.js';

const recipes = readProjects().filter((project) => project.tags.includes('type:recipe'));

describe('every recipe page shows HTTP exchanges that a fresh run reproduces', () => {
  it.each(recipes.map((recipe) => [recipe.name, recipe.dir]))('%s', async (_name, dir) => {
    const readme = join(workspaceRoot, dir, 'README.md');
    expect(existsSync(readme)).toBe(true);
    expect(findPageCommands(readFileSync(readme, 'utf8')).length).toBeGreaterThan(0);
    const { mismatches } = await compareExpectedOutput(join(workspaceRoot, dir));
    // `npx nx run <recipe>:capture-output` rewrites the page from a fresh run
    expect(mismatches).toEqual([]);
  });
});
