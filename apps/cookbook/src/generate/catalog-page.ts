import type { Recipe } from '@cookbook/recipes';

import type { CatalogEntry } from '../theme/catalog-entry.js';
import { frontmatter } from './frontmatter.js';
import { recipePage, route } from './site-pages.js';

/** The catalog's data, in registry order (beginner first). */
export function catalogEntries(recipes: readonly Recipe[]): CatalogEntry[] {
  return recipes.map(({ name, metadata }) => ({
    name,
    title: metadata.title,
    summary: metadata.summary,
    trigger: metadata.trigger,
    guarantee: metadata.guarantee,
    complexity: metadata.complexity,
    tags: metadata.tags,
    libs: metadata.libs,
    link: route(recipePage(name)),
  }));
}

/** The catalog page: a client-side filterable list of cards, fully rendered at build time. */
export function catalogPage(): string {
  return [
    frontmatter({
      title: 'Recipe catalog',
      description: 'Every recipe in the cookbook, filterable by complexity, trigger and tag.',
      aside: false,
      outline: false,
    }),
    '<script setup>',
    "import catalog from './catalog.json'",
    '</script>',
    '',
    '# Recipe catalog',
    '',
    'Every recipe in the repository, generated from the metadata each one declares in its',
    '`package.json`. Narrow the list by complexity, trigger or tag, or search titles, summaries and tags.',
    '',
    '<RecipeCatalog :entries="catalog" />',
    '',
  ].join('\n');
}
