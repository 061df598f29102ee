import type { Recipe } from '@cookbook/recipes';

import { frontmatter } from './frontmatter.js';
import { headings } from './markdown-blocks.js';
import { renderOpenApi } from './render-openapi.js';
import { type Repository, repositoryUrl } from './repository.js';
import { CATALOG_PAGE, recipePage } from './site-pages.js';

export interface RecipePageInput {
  recipe: Recipe;
  /** The README with links already rewritten for the site. */
  readme: string;
  /** The parsed `dist/openapi.json`, when the recipe's build writes one. */
  openapi: unknown;
  /** Every recipe, for titles of related recipes. */
  recipes: readonly Recipe[];
  /** Library or tool name → its page. */
  libraryPages: ReadonlyMap<string, string>;
  /** Files the repository has, recipe-relative paths listed as sources when present. */
  hasFile: (path: string) => boolean;
  repository: Repository;
}

/** Recipe files worth a direct link, in reading order. */
const SOURCE_FILES = ['src/main.ts', 'package.json', 'requests.http', 'host.json', 'README.md'];

/** The recipe's page: its README, a facts box after the metadata line, and its API operations. */
export function recipePageMarkdown(input: RecipePageInput): string {
  const { recipe, repository } = input;
  const lines = input.readme.split('\n');
  const title = headings(input.readme).find((heading) => heading.level === 1);
  const afterTitle = title ? title.line + 1 : 0;
  const metadataAt = lines.findIndex(
    (line, index) => index >= afterTitle && line.startsWith('Trigger:'),
  );
  const factsAt = metadataAt === -1 ? afterTitle : metadataAt + 1;
  lines.splice(factsAt, 0, '', ...facts(input));

  const api = apiSection(input);
  const production = headings(lines.join('\n')).find(
    (heading) => heading.level === 2 && /^production considerations$/i.test(heading.text.trim()),
  );
  if (production) lines.splice(production.line, 0, api, '');
  else lines.push('', api);

  const source = `${recipe.path}/README.md`;
  return [
    frontmatter({ title: recipe.metadata.title, description: recipe.metadata.summary, source }),
    lines.join('\n').trimEnd(),
    '',
    '---',
    '',
    `_This page is generated from [${source}](${repositoryUrl(repository, source, 'file')}), the recipe's metadata and its OpenAPI document; edit those, not the page._`,
    '',
  ].join('\n');
}

function facts({ recipe, recipes, libraryPages, hasFile, repository }: RecipePageInput): string[] {
  const { metadata } = recipe;
  const tagLink = (tag: string): string =>
    `[${tag}](/${CATALOG_PAGE.replace(/index\.md$/, '')}?tag=${encodeURIComponent(tag)})`;
  const related = metadata.related.map((name) => {
    const other = recipes.find((candidate) => candidate.name === name);
    return other ? `[${other.metadata.title}](/${recipePage(name)})` : `\`${name}\``;
  });
  const libs = metadata.libs.map((name) => {
    const page = libraryPages.get(name);
    return page ? `[${name}](/${page})` : `\`${name}\``;
  });
  const sources = SOURCE_FILES.filter((file) => hasFile(`${recipe.path}/${file}`)).map(
    (file) => `[${file}](${repositoryUrl(repository, `${recipe.path}/${file}`, 'file')})`,
  );
  return [
    '::: info At a glance',
    `- **Complexity:** ${metadata.complexity} · **Trigger:** ${metadata.trigger}`,
    `- **Tags:** ${metadata.tags.map(tagLink).join(', ')}`,
    ...(libs.length > 0 ? [`- **Libraries:** ${libs.join(', ')}`] : []),
    ...(related.length > 0 ? [`- **Related recipes:** ${related.join(', ')}`] : []),
    `- **Source:** [${recipe.path}](${repositoryUrl(repository, recipe.path, 'dir')})${sources.length > 0 ? ` · ${sources.join(' · ')}` : ''}`,
    `- **Run it:** \`npx nx serve ${recipe.name}\``,
    ':::',
    '',
  ];
}

function apiSection({ recipe, openapi }: RecipePageInput): string {
  const file = `${recipe.path}/dist/openapi.json`;
  if (openapi === undefined) {
    return [
      '## API operations',
      '',
      `This recipe publishes no OpenAPI document (its build writes no \`dist/openapi.json\`); the sections above describe every route.`,
    ].join('\n');
  }
  return renderOpenApi(openapi, { file });
}
