import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { z } from 'zod';

import { type RecipeMetadata, RecipeMetadataSchema } from './recipe-metadata.js';

/** The workspace root, three folders above this file. */
export const WORKSPACE_ROOT: string = resolve(import.meta.dirname, '../../..');

/** One recipe: where it lives and what it declares. */
export interface Recipe {
  /** Nx project name, also the folder name under apps/. */
  name: string;
  /** Absolute folder. */
  dir: string;
  /** Folder relative to the workspace root, e.g. `apps/hello-http-minimal`. */
  path: string;
  metadata: RecipeMetadata;
}

interface PackageJson {
  nx?: { name?: string; tags?: string[] };
  cookbook?: unknown;
}

/** Thrown when a recipe's package.json lacks or breaks its `cookbook` metadata. */
export class RecipeMetadataError extends Error {
  override name = 'RecipeMetadataError';
}

const ORDER = { beginner: 0, intermediate: 1, advanced: 2 } as const;

/** Every project tagged `type:recipe` under apps/, beginner first, then by name. */
export function readRecipes(root: string = WORKSPACE_ROOT): Recipe[] {
  const apps = join(root, 'apps');
  const recipes = readdirSync(apps)
    .filter((folder) => existsSync(join(apps, folder, 'package.json')))
    .flatMap((folder): Recipe[] => {
      const file = join(apps, folder, 'package.json');
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
      if (!pkg.nx?.tags?.includes('type:recipe')) return [];
      if (pkg.cookbook === undefined) {
        throw new RecipeMetadataError(
          `apps/${folder}/package.json: a recipe declares a "cookbook" metadata block`,
        );
      }
      const parsed = RecipeMetadataSchema.safeParse(pkg.cookbook);
      if (!parsed.success) {
        throw new RecipeMetadataError(
          `apps/${folder}/package.json "cookbook": ${z.prettifyError(parsed.error)}`,
        );
      }
      return [
        {
          name: pkg.nx.name ?? folder,
          dir: join(apps, folder),
          path: `apps/${folder}`,
          metadata: parsed.data,
        },
      ];
    });
  return recipes.sort(
    (a, b) =>
      ORDER[a.metadata.complexity] - ORDER[b.metadata.complexity] || a.name.localeCompare(b.name),
  );
}
