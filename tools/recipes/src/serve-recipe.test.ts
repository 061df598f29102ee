import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { Recipe } from './read-recipes.js';
import { RecipeMetadataSchema } from './recipe-metadata.js';
import { writeDevKeys } from './serve-recipe.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function recipe(keys?: unknown): Recipe {
  const dir = mkdtempSync(join(tmpdir(), 'serve-recipe-'));
  dirs.push(dir);
  const local = { readyPath: '/api/r', ...(keys ? { keys } : {}) };
  return {
    name: 'r',
    dir,
    path: 'apps/r',
    metadata: RecipeMetadataSchema.parse({
      title: 'R',
      summary: 's',
      trigger: 'HTTP',
      guarantee: 'g',
      complexity: 'beginner',
      tags: ['t'],
      local,
    }),
  };
}

describe('writeDevKeys', () => {
  it("writes the metadata keys in the host's .local-keys.json shape, mode 600", () => {
    const r = recipe({ master: 'm', host: { default: 'h' }, functions: { f: { default: 'k' } } });
    writeFileSync(join(r.dir, '.local-keys.json'), '{}', { mode: 0o644 });
    writeDevKeys(r);
    const file = join(r.dir, '.local-keys.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      masterKey: 'm',
      hostKeys: { default: 'h' },
      functionKeys: { f: { default: 'k' } },
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('generates a master key when the metadata names none (the host requires one)', () => {
    const r = recipe({ functions: { f: { default: 'k' } } });
    writeDevKeys(r);
    const written = JSON.parse(readFileSync(join(r.dir, '.local-keys.json'), 'utf8')) as {
      masterKey: string;
    };
    expect(written.masterKey).toMatch(/^[\w-]{40,}$/);
  });

  it('leaves a recipe without declared keys alone', () => {
    const r = recipe();
    writeDevKeys(r);
    expect(() => statSync(join(r.dir, '.local-keys.json'))).toThrow();
  });
});
