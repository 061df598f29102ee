import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import { globSync } from 'tinyglobby';

import { workspaceRoot } from '../workspace-root.js';
import { type BicepFile, parseBicep } from './bicep-file.js';
import { parseTerraform, type TerraformFiles } from './terraform-files.js';

/** Where the shared modules live, one folder per flavour. */
export const sharedModuleRoots = {
  bicep: 'infra/bicep/modules',
  terraform: 'infra/terraform/modules',
} as const;

export const read = (path: string): string => readFileSync(join(workspaceRoot, path), 'utf8');

/** Shared module names per flavour: `<name>.bicep` files and `<name>/` Terraform folders. */
export function sharedModuleNames(flavour: 'bicep' | 'terraform'): string[] {
  const dir = join(workspaceRoot, sharedModuleRoots[flavour]);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) =>
      flavour === 'bicep' ? entry.isFile() && entry.name.endsWith('.bicep') : entry.isDirectory(),
    )
    .map((entry) => entry.name.replace(/\.bicep$/, ''))
    .sort();
}

/** The .tf files of a Terraform module or root folder (workspace-relative). */
export function terraformFilesIn(dir: string): string[] {
  return globSync('*.tf', { cwd: join(workspaceRoot, dir) })
    .sort()
    .map((file) => join(dir, file));
}

export function bicepModule(name: string): BicepFile {
  return parseBicep(read(join(sharedModuleRoots.bicep, `${name}.bicep`)));
}

export function terraformModule(name: string): TerraformFiles {
  return parseTerraform(terraformFilesIn(join(sharedModuleRoots.terraform, name)).map(read));
}

/** Recipes that deploy with IaC: `apps/<recipe>/infra` folders holding Bicep or Terraform. */
export function recipeInfraDirs(): string[] {
  return [
    ...new Set(
      globSync(['apps/*/infra/**/*.bicep', 'apps/*/infra/**/*.tf'], { cwd: workspaceRoot }).map(
        (file) => file.split('/').slice(0, 3).join('/'),
      ),
    ),
  ].sort();
}

export function recipeBicepFiles(infraDir: string): string[] {
  return globSync('**/*.bicep', { cwd: join(workspaceRoot, infraDir) })
    .sort()
    .map((file) => join(infraDir, file));
}

/** Folders of a recipe's infra/ that hold .tf files: each is one Terraform root (or local module). */
export function recipeTerraformDirs(infraDir: string): string[] {
  return [
    ...new Set(
      globSync('**/*.tf', { cwd: join(workspaceRoot, infraDir) }).map((file) =>
        join(infraDir, dirname(file)),
      ),
    ),
  ].sort();
}

/** A local module target resolved to a workspace-relative path, or undefined for a registry module. */
export function resolveModuleTarget(fromDir: string, target: string): string | undefined {
  if (!target.startsWith('.')) return undefined;
  return relative(workspaceRoot, resolve(workspaceRoot, fromDir, target));
}

/** camelCase (Bicep) to snake_case (Terraform), the one naming difference between the flavours. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
