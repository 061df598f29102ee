import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { format } from 'prettier';

import { readRecipes, WORKSPACE_ROOT } from './read-recipes.js';
import { withRecipeTable } from './recipe-table.js';

// `readme-table` rewrites the root README's recipe table from the registry; `--check` only compares.
const [command, ...flags] = process.argv.slice(2);
if (command !== 'readme-table') {
  process.stderr.write('usage: tsx tools/recipes/src/cli.ts readme-table [--check]\n');
  process.exit(2);
}
const file = join(WORKSPACE_ROOT, 'README.md');
const current = readFileSync(file, 'utf8');
const next = await format(withRecipeTable(current, readRecipes()), { filepath: file });
if (flags.includes('--check')) {
  if (next !== current) {
    process.stderr.write(
      'README.md recipe table is stale: run `npx nx run recipes:readme-table`\n',
    );
    process.exit(1);
  }
} else {
  writeFileSync(file, next);
}
