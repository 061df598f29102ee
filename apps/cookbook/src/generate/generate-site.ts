import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { readRecipes, type Recipe } from '@cookbook/recipes';

import { catalogEntries, catalogPage } from './catalog-page.js';
import { escapeStrayHtml } from './escape-stray-html.js';
import { knownDifferencesPage } from './known-differences.js';
import { homePage, referencePage } from './readme-pages.js';
import { recipePageMarkdown } from './recipe-page.js';
import { type Repository, repositoryPaths } from './repository.js';
import { type LinkContext, rewriteLinks } from './rewrite-links.js';
import { siteNavigation } from './site-navigation.js';
import {
  CATALOG_PAGE,
  DIFFERENCE_SOURCES,
  DIFFERENCES_PAGE,
  HOME_PAGE,
  pagesBySource,
  recipePage,
  REFERENCE_PAGES,
} from './site-pages.js';

export interface GenerateOptions {
  /** Workspace root. */
  root: string;
  /** Folder the VitePress source pages are written to (emptied first). */
  outDir: string;
  repository: Repository;
}

/** The files written, relative to outDir. */
export type GeneratedFiles = string[];

/** Writes every page of the site from the recipes, their READMEs and OpenAPI documents, and the tool READMEs. */
export function generateSite({ root, outDir, repository }: GenerateOptions): GeneratedFiles {
  const recipes = readRecipes(root);
  const pages = pagesBySource(recipes);
  const pathKind = repositoryPaths(root);
  const read = (path: string): string => {
    const file = join(root, path);
    if (!existsSync(file)) throw new Error(`${path} is missing: the site is generated from it`);
    return readFileSync(file, 'utf8');
  };
  const siteReadme = (source: string): string => {
    const context: LinkContext = {
      source,
      pageFor: (path) => pages.get(path),
      pathKind,
      repository,
    };
    return rewriteLinks(escapeStrayHtml(read(source)), context);
  };

  const files = new Map<string, string>();
  for (const recipe of recipes) {
    files.set(
      recipePage(recipe.name),
      recipePageMarkdown({
        recipe,
        readme: siteReadme(`${recipe.path}/README.md`),
        openapi: readOpenApi(recipe),
        recipes,
        libraryPages: new Map(REFERENCE_PAGES.map((page) => [page.name, page.page])),
        hasFile: (path) => pathKind(path) === 'file',
        repository,
      }),
    );
  }
  const referenceReadmes = new Map(
    REFERENCE_PAGES.map((page) => [page.name, siteReadme(page.source)]),
  );
  for (const page of REFERENCE_PAGES) {
    files.set(
      page.page,
      referencePage(referenceReadmes.get(page.name) ?? '', page.source, repository),
    );
  }
  files.set(
    DIFFERENCES_PAGE,
    knownDifferencesPage(
      DIFFERENCE_SOURCES.map((name) => {
        const page = REFERENCE_PAGES.find((candidate) => candidate.name === name);
        if (!page) throw new Error(`no reference page named ${name}`);
        return {
          name,
          source: page.source,
          page: page.page,
          markdown: referenceReadmes.get(name) ?? '',
        };
      }),
    ),
  );
  const rootPackage = JSON.parse(read('package.json')) as { description?: string };
  const rootReadme = siteReadme('README.md');
  files.set(HOME_PAGE, homePage(rootReadme, rootPackage.description ?? '', repository));
  files.set(CATALOG_PAGE, catalogPage());
  files.set(
    CATALOG_PAGE.replace(/index\.md$/, 'catalog.json'),
    `${JSON.stringify(catalogEntries(recipes), null, 2)}\n`,
  );
  const title = /^# (.+)$/m.exec(rootReadme)?.[1] ?? 'Cookbook';
  files.set(
    'site.json',
    `${JSON.stringify(
      siteNavigation(recipes, {
        title,
        description: rootPackage.description ?? '',
        repositoryUrl: repository.url,
      }),
      null,
      2,
    )}\n`,
  );

  rmSync(outDir, { recursive: true, force: true });
  for (const [path, content] of files) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), content);
  }
  return [...files.keys()].sort();
}

/** The recipe's generated OpenAPI document; undefined when no target of the recipe writes one. */
function readOpenApi(recipe: Recipe): unknown {
  const label = `${recipe.path}/dist/openapi.json`;
  const file = join(recipe.dir, 'dist', 'openapi.json');
  if (existsSync(file)) return parseJson(file, label);
  const pkg = JSON.parse(readFileSync(join(recipe.dir, 'package.json'), 'utf8')) as {
    nx?: { targets?: unknown };
  };
  // A recipe whose targets write openapi.json but has not been built would silently lose its API section.
  if (JSON.stringify(pkg.nx?.targets ?? {}).includes('openapi.json')) {
    throw new Error(
      `${label} is missing: build the recipe first (npx nx build ${recipe.name}), or build the site with npx nx build cookbook`,
    );
  }
  return undefined;
}

function parseJson(file: string, label: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${label} is not valid JSON (${(error as Error).message}); rebuild the recipe`);
  }
}
