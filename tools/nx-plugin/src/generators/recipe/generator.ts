import { execSync } from 'node:child_process';
import { join } from 'node:path';

import {
  formatFiles,
  generateFiles,
  type GeneratorCallback,
  installPackagesTask,
  names,
  readJson,
  type Tree,
} from '@nx/devkit';

import { recipePackageJson } from './recipe-package-json.ts';

/** What `nx g @cookbook/tools:recipe` asks for (schema.json). */
export interface RecipeGeneratorOptions {
  name: string;
  summary: string;
  trigger?: 'HTTP';
  complexity?: 'beginner' | 'intermediate' | 'advanced';
  httpKit?: boolean;
  guarantee?: string;
  skipFormat?: boolean;
  /** Skip `npm install`, `nx sync` and the README table after writing (tests run them themselves). */
  skipInstall?: boolean;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Writes apps/<name> (function, test, page, metadata, IaC) and its e2e spec, ready for every check. */
export default async function recipeGenerator(
  tree: Tree,
  options: RecipeGeneratorOptions,
): Promise<GeneratorCallback> {
  const { name, summary } = options;
  if (!NAME.test(name))
    throw new Error(`"${name}" is not a recipe name: use lower-case words joined by -`);
  const dir = `apps/${name}`;
  if (tree.exists(dir)) throw new Error(`${dir} already exists`);
  const httpKit = options.httpKit ?? true;
  const values = {
    name,
    summary,
    httpKit,
    trigger: options.trigger ?? 'HTTP',
    complexity: options.complexity ?? 'beginner',
    guarantee: options.guarantee ?? 'stateless; every input gets a 2xx or a 4xx, never a 500',
    functionName: names(name).propertyName,
    title: name
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' '),
    // Azure resource names: 3-12 lower-case letters or digits, starting with a letter
    namePrefix: name.replaceAll('-', '').slice(0, 12).padEnd(3, 'x'),
    tmpl: '',
  };
  const files = join(import.meta.dirname, 'files');
  generateFiles(tree, join(files, 'common'), dir, values);
  generateFiles(tree, join(files, httpKit ? 'http-kit' : 'raw'), dir, values);
  generateFiles(tree, join(files, 'e2e'), 'apps/e2e/src/specs', values);
  const root = readJson<{ dependencies: Record<string, string> }>(tree, 'package.json');
  tree.write(
    `${dir}/package.json`,
    `${JSON.stringify(recipePackageJson(values, root.dependencies), null, 2)}\n`,
  );
  if (!options.skipFormat) await formatFiles(tree);
  return () => {
    if (options.skipInstall) return;
    // the lockfile lists every workspace, so a new recipe needs one install
    installPackagesTask(tree, true);
    execSync('npx nx sync', { stdio: 'inherit' });
    execSync('npx nx run recipes:readme-table', { stdio: 'inherit' });
  };
}
