import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The same code runs from src/ (tests, tsx) and bundled into dist/main.js: walk up to the folder holding
// migrations/. A deployed package may have none (production migrates in a deploy step): then dist/.. .
function findRecipeRoot(start: string): string {
  for (let dir = start; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'migrations')) && existsSync(join(dir, 'package.json'))) return dir;
  }
  return join(start, '..');
}

const recipeRoot = findRecipeRoot(import.meta.dirname);

/** The versioned SQL files (`NNNN_name.sql`); deploy them with the app or run `migrate` from the repo. */
export const MIGRATIONS_DIR = join(recipeRoot, 'migrations');

/** Where `nx serve` keeps PGlite's data: `<recipe>/.data/pglite` (git-ignored). */
export const DEFAULT_PGLITE_DATA_DIR = join(recipeRoot, '.data', 'pglite');
