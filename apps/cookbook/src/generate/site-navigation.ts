import type { Recipe } from '@cookbook/recipes';

import {
  CATALOG_PAGE,
  DIFFERENCES_PAGE,
  recipePage,
  REFERENCE_PAGES,
  route,
} from './site-pages.js';

interface Link {
  text: string;
  link: string;
}

interface Group {
  text: string;
  items: Link[];
}

/** What the VitePress config reads from the generated folder: title, nav and sidebar. */
export interface SiteNavigation {
  title: string;
  description: string;
  repositoryUrl: string;
  nav: Link[];
  sidebar: Group[];
}

const COMPLEXITY = ['beginner', 'intermediate', 'advanced'] as const;

export function siteNavigation(
  recipes: readonly Recipe[],
  site: { title: string; description: string; repositoryUrl: string },
): SiteNavigation {
  const reference = (group: string): Link[] =>
    REFERENCE_PAGES.filter((page) => page.group === group).map((page) => ({
      text: page.name,
      link: route(page.page),
    }));
  return {
    ...site,
    nav: [
      { text: 'Recipes', link: route(CATALOG_PAGE) },
      {
        text: 'Libraries',
        link: route(
          REFERENCE_PAGES.find((page) => page.group === 'Libraries')?.page ?? CATALOG_PAGE,
        ),
      },
      {
        text: 'Tools',
        link: route(REFERENCE_PAGES.find((page) => page.group === 'Tools')?.page ?? CATALOG_PAGE),
      },
      { text: 'Known differences', link: route(DIFFERENCES_PAGE) },
    ],
    sidebar: [
      {
        text: 'Recipes',
        items: [
          { text: 'Catalog', link: route(CATALOG_PAGE) },
          ...COMPLEXITY.flatMap((level) =>
            recipes
              .filter((recipe) => recipe.metadata.complexity === level)
              .map((recipe) => ({
                text: recipe.metadata.title,
                link: route(recipePage(recipe.name)),
              })),
          ),
        ],
      },
      { text: 'Libraries', items: reference('Libraries') },
      {
        text: 'Tools',
        items: [
          ...reference('Tools'),
          { text: 'Known differences from Azure', link: route(DIFFERENCES_PAGE) },
        ],
      },
    ],
  };
}
