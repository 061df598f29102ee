import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { allocatePorts } from './allocate-ports.js';
import { readRecipes, RecipeMetadataError } from './read-recipes.js';
import { metadataLine, recipeTable, withRecipeTable } from './recipe-table.js';

const metadata = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'Hello',
  summary: 'Says hello | politely',
  trigger: 'HTTP',
  guarantee: 'idempotent',
  complexity: 'beginner',
  tags: ['basics'],
  local: { readyPath: '/api/hello' },
  ...overrides,
});

function workspace(projects: Record<string, { tags: string[]; cookbook?: unknown }>): string {
  const root = mkdtempSync(join(tmpdir(), 'recipes-'));
  for (const [folder, { tags, cookbook }] of Object.entries(projects)) {
    mkdirSync(join(root, 'apps', folder), { recursive: true });
    writeFileSync(
      join(root, 'apps', folder, 'package.json'),
      JSON.stringify({ nx: { name: folder, tags }, cookbook }),
    );
  }
  return root;
}

describe('readRecipes', () => {
  it('reads every type:recipe project, beginner first, defaults applied', () => {
    const root = workspace({
      zeta: { tags: ['type:recipe'], cookbook: metadata() },
      alpha: { tags: ['type:recipe'], cookbook: metadata({ complexity: 'advanced' }) },
      e2e: { tags: ['type:e2e'] },
    });
    const recipes = readRecipes(root);
    expect(recipes.map((recipe) => recipe.name)).toEqual(['zeta', 'alpha']);
    expect(recipes[0]?.metadata).toMatchObject({ related: [], libs: [], local: { auth: false } });
    expect(recipes[0]?.path).toBe('apps/zeta');
  });

  it('names the file and the field when metadata is missing or wrong', () => {
    expect(() => readRecipes(workspace({ bare: { tags: ['type:recipe'] } }))).toThrow(
      new RecipeMetadataError(
        'apps/bare/package.json: a recipe declares a "cookbook" metadata block',
      ),
    );
    expect(() =>
      readRecipes(
        workspace({
          bad: { tags: ['type:recipe'], cookbook: metadata({ complexity: 'easy', extra: 1 }) },
        }),
      ),
    ).toThrow(/apps\/bad\/package.json "cookbook":[\s\S]*"extra"[\s\S]*at complexity/);
  });
});

describe('allocatePorts', () => {
  it('gives each recipe its own host port, and a gateway port only where APIM fronts it', () => {
    const root = workspace({
      b: {
        tags: ['type:recipe'],
        cookbook: metadata({ local: { readyPath: '/x', apimConfig: 'apim/local-gateway.json' } }),
      },
      a: { tags: ['type:recipe'], cookbook: metadata() },
    });
    expect(Object.fromEntries(allocatePorts(readRecipes(root), 20000))).toEqual({
      a: { host: 20000, gateway: undefined },
      b: { host: 20002, gateway: 20003 },
    });
    expect(() => allocatePorts(readRecipes(root), 80)).toThrow('COOKBOOK_PORT_BASE');
  });
});

describe('recipe table and metadata line', () => {
  const recipes = readRecipes(
    workspace({ hello: { tags: ['type:recipe'], cookbook: metadata() } }),
  );

  it('renders one row per recipe, escaping table pipes', () => {
    expect(recipeTable(recipes)).toContain(
      '| [hello](apps/hello/README.md) | Says hello \\| politely | HTTP | beginner | `npx nx serve hello` |',
    );
  });

  it('replaces only the text between the markers, and refuses a README without them', () => {
    const readme = 'intro\n<!-- recipes:start -->\nold\n<!-- recipes:end -->\noutro\n';
    const next = withRecipeTable(readme, recipes);
    expect(next.startsWith('intro\n<!-- recipes:start -->\n\n## Recipes')).toBe(true);
    expect(next.endsWith('\n<!-- recipes:end -->\noutro\n')).toBe(true);
    expect(() => withRecipeTable('no markers', recipes)).toThrow('markers');
  });

  it('derives the README metadata line', () => {
    expect(recipes[0] && metadataLine(recipes[0].metadata)).toBe(
      'Trigger: HTTP | Guarantee: idempotent | Complexity: beginner',
    );
  });
});
