import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { readRecipes, type Recipe } from '@cookbook/recipes';

/** The recipe registry: what the site must show, read independently of the site's own build. */
export const recipes: Recipe[] = readRecipes();

/** Site-relative path of a recipe's page. */
export const recipePath = (recipe: Recipe): string => `recipes/${recipe.name}.html`;

export const CATALOG_PATH = 'recipes/';

/** The fenced blocks of a recipe README with the given info string, as written. */
export function readmeFences(recipe: Recipe, language?: string): { info: string; code: string }[] {
  const readme = readFileSync(join(recipe.dir, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```([^\n`]*)\n([\s\S]*?)^```\s*$/gm)]
    .map((match) => ({ info: (match[1] ?? '').trim(), code: match[2] ?? '' }))
    .filter((fence) => language === undefined || fence.info === language);
}

/** The fenced blocks of one `## ` section of a recipe README. */
export function sectionFences(recipe: Recipe, heading: string): { info: string; code: string }[] {
  const readme = readFileSync(join(recipe.dir, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start === -1) return [];
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/^```([^\n`]*)\n([\s\S]*?)^```\s*$/gm)].map((match) => ({
    info: (match[1] ?? '').trim(),
    code: match[2] ?? '',
  }));
}

export interface Operation {
  method: string;
  path: string;
  operationId: string | undefined;
  problemStatuses: string[];
}

interface OpenApiLike {
  servers?: { url?: string }[];
  paths?: Record<
    string,
    Record<
      string,
      { operationId?: string; responses?: Record<string, { content?: Record<string, unknown> }> }
    >
  >;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The operations of the recipe's generated OpenAPI document; undefined when its build writes none. */
export function openApiOperations(recipe: Recipe): Operation[] | undefined {
  const file = join(recipe.dir, 'dist', 'openapi.json');
  if (!existsSync(file)) return undefined;
  const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiLike;
  const server = doc.servers?.[0]?.url ?? '';
  const prefix = server.startsWith('/') ? server.replace(/\/+$/, '') : '';
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path: prefix + path,
        operationId: operation.operationId,
        problemStatuses: Object.entries(operation.responses ?? {})
          .filter(([, response]) => response.content?.['application/problem+json'] !== undefined)
          .map(([status]) => status),
      })),
  );
}
