import type { Recipe } from './read-recipes.js';
import type { RecipeMetadata } from './recipe-metadata.js';

export const TABLE_START = '<!-- recipes:start -->';
export const TABLE_END = '<!-- recipes:end -->';

/** The README metadata line a recipe page starts with, derived from its metadata. */
export function metadataLine(metadata: RecipeMetadata): string {
  return `Trigger: ${metadata.trigger} | Guarantee: ${metadata.guarantee} | Complexity: ${metadata.complexity}`;
}

const cell = (text: string): string => text.replaceAll('|', '\\|');

/** The root README's recipe table, generated from the registry. */
export function recipeTable(recipes: readonly Recipe[]): string {
  const rows = recipes.map(
    ({ name, path, metadata }) =>
      `| [${name}](${path}/README.md) | ${cell(metadata.summary)} | ${metadata.trigger} | ${metadata.complexity} | \`npx nx serve ${name}\` |`,
  );
  return [
    '## Recipes',
    '',
    '| Recipe | What it shows | Trigger | Complexity | Run it |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** `readme` with the text between the recipe markers replaced by the generated table. */
export function withRecipeTable(readme: string, recipes: readonly Recipe[]): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end < start)
    throw new Error(`README.md lacks the ${TABLE_START} … ${TABLE_END} markers`);
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${recipeTable(recipes)}\n\n${readme.slice(end)}`;
}
