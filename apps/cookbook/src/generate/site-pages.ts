import type { Recipe } from '@cookbook/recipes';

/** A library or tool README rendered as its own page. */
export interface ReferencePage {
  name: string;
  group: 'Libraries' | 'Tools';
  /** Workspace-relative README path. */
  source: string;
  /** srcDir-relative page path. */
  page: string;
}

export const REFERENCE_PAGES: readonly ReferencePage[] = [
  {
    name: 'http-kit',
    group: 'Libraries',
    source: 'libs/http-kit/README.md',
    page: 'libs/http-kit.md',
  },
  {
    name: 'logging',
    group: 'Libraries',
    source: 'libs/logging/README.md',
    page: 'libs/logging.md',
  },
  {
    name: 'functions-host',
    group: 'Tools',
    source: 'tools/functions-host/README.md',
    page: 'tools/functions-host.md',
  },
  {
    name: 'apim-gateway',
    group: 'Tools',
    source: 'tools/apim-gateway/README.md',
    page: 'tools/apim-gateway.md',
  },
];

/** The tools whose README sections on differences from Azure make up the known-differences page. */
export const DIFFERENCE_SOURCES: readonly string[] = ['functions-host', 'apim-gateway'];

export const HOME_PAGE = 'index.md';
export const CATALOG_PAGE = 'recipes/index.md';
export const DIFFERENCES_PAGE = 'known-differences.md';
export const recipePage = (name: string): string => `recipes/${name}.md`;

/** Workspace README path → the page generated from it. */
export function pagesBySource(recipes: readonly Recipe[]): Map<string, string> {
  return new Map([
    ['README.md', HOME_PAGE],
    ...recipes.map((recipe): [string, string] => [
      `${recipe.path}/README.md`,
      recipePage(recipe.name),
    ]),
    ...REFERENCE_PAGES.map((page): [string, string] => [page.source, page.page]),
  ]);
}

/** `/recipes/x` style route of a page (what links and the catalog use). */
export const route = (page: string): string =>
  `/${page.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '')}`;
