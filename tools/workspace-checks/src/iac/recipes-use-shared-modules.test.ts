import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { workspaceRoot } from '../workspace-root.js';
import { type BicepFile, parseBicep } from './bicep-file.js';
import {
  read,
  recipeBicepFiles,
  recipeInfraDirs,
  recipeTerraformDirs,
  resolveModuleTarget,
  sharedModuleRoots,
  terraformFilesIn,
} from './iac-layout.js';
import { parseTerraform, type TerraformFiles } from './terraform-files.js';

// What only the shared function-app module may declare: the app and its plan.
const APP_RESOURCE_TYPES = {
  bicep: ['Microsoft.Web/sites', 'Microsoft.Web/serverfarms'],
  terraform: [
    'azurerm_function_app_flex_consumption',
    'azurerm_linux_function_app',
    'azurerm_windows_function_app',
    'azurerm_function_app',
    'azurerm_service_plan',
  ],
};
const functionAppModule = {
  bicep: `${sharedModuleRoots.bicep}/function-app.bicep`,
  terraform: `${sharedModuleRoots.terraform}/function-app`,
};

const recipes = recipeInfraDirs().map((infraDir) => ({
  infraDir,
  bicep: recipeBicepFiles(infraDir).map((file) => ({ file, parsed: parseBicep(read(file)) })),
  terraform: recipeTerraformDirs(infraDir).map((dir) => ({
    dir,
    parsed: parseTerraform(terraformFilesIn(dir).map(read)),
  })),
}));

/** Each local module a Bicep file calls, resolved, with the module file parsed. */
function bicepCalls(file: string, parsed: BicepFile) {
  return parsed.modules.map((call) => {
    const path = resolveModuleTarget(dirname(file), call.target);
    const exists = path !== undefined && existsSync(join(workspaceRoot, path));
    return { call, path, module: exists && path ? parseBicep(read(path)) : undefined };
  });
}

/** Each local module a Terraform folder calls, resolved, with the module's files parsed. */
function terraformCalls(dir: string, parsed: TerraformFiles) {
  return parsed.modules.map((call) => {
    const path = resolveModuleTarget(dir, call.target);
    const files = path ? terraformFilesIn(path) : [];
    return {
      call,
      path,
      module: files.length > 0 ? parseTerraform(files.map(read)) : undefined,
    };
  });
}

describe('recipes deploy with the shared IaC modules instead of copies', () => {
  it('finds recipe IaC to check (the checks below are not vacuous)', () => {
    expect(recipes.length).toBeGreaterThan(0);
  });

  describe.each(recipes.map((recipe) => [recipe.infraDir, recipe] as const))('%s', (_, recipe) => {
    it('ships both flavours: Bicep and Terraform', () => {
      expect(recipe.bicep.length).toBeGreaterThan(0);
      expect(recipe.terraform.length).toBeGreaterThan(0);
    });

    it('takes its Function App from the shared function-app module in both flavours', () => {
      const bicepTargets = recipe.bicep.flatMap(({ file, parsed }) =>
        bicepCalls(file, parsed).map(({ path }) => path),
      );
      const terraformTargets = recipe.terraform.flatMap(({ dir, parsed }) =>
        terraformCalls(dir, parsed).map(({ path }) => path),
      );
      expect(bicepTargets).toContain(functionAppModule.bicep);
      expect(terraformTargets).toContain(functionAppModule.terraform);
    });

    it('declares no Function App or plan of its own', () => {
      for (const { file, parsed } of recipe.bicep)
        expect({
          file,
          declared: parsed.resourceTypes.filter((type) => APP_RESOURCE_TYPES.bicep.includes(type)),
        }).toEqual({ file, declared: [] });
      for (const { dir, parsed } of recipe.terraform)
        expect({
          dir,
          declared: parsed.resourceTypes.filter((type) =>
            APP_RESOURCE_TYPES.terraform.includes(type),
          ),
        }).toEqual({ dir, declared: [] });
    });

    it('calls only modules that exist, with params the module declares and all it requires (Bicep)', () => {
      for (const { file, parsed } of recipe.bicep)
        for (const { call, path, module } of bicepCalls(file, parsed)) {
          if (path === undefined) continue; // a registry module: nothing local to compare with
          const where = `${file}: module ${call.name} (${call.target})`;
          expect(module, `${where} does not exist`).toBeDefined();
          const declared = module?.params.map((param) => param.name) ?? [];
          const required = module?.params.filter((param) => !param.optional).map((p) => p.name);
          expect({
            where,
            unknown: call.arguments.filter((arg) => !declared.includes(arg)),
          }).toEqual({ where, unknown: [] });
          expect({
            where,
            missing: (required ?? []).filter((name) => !call.arguments.includes(name)),
          }).toEqual({ where, missing: [] });
        }
    });

    it('calls only modules that exist, with variables the module declares and all it requires (Terraform)', () => {
      for (const { dir, parsed } of recipe.terraform)
        for (const { call, path, module } of terraformCalls(dir, parsed)) {
          if (path === undefined) continue;
          const where = `${dir}: module "${call.name}" (${call.target})`;
          expect(module, `${where} has no .tf files`).toBeDefined();
          const declared = module?.variables.map((variable) => variable.name) ?? [];
          const required = module?.variables.filter((v) => !v.optional).map((v) => v.name);
          expect({
            where,
            unknown: call.arguments.filter((arg) => !declared.includes(arg)),
          }).toEqual({ where, unknown: [] });
          expect({
            where,
            missing: (required ?? []).filter((name) => !call.arguments.includes(name)),
          }).toEqual({ where, missing: [] });
        }
    });

    it('pins the azurerm provider exactly as the shared modules do', () => {
      const moduleConstraint = parseTerraform(
        terraformFilesIn(functionAppModule.terraform).map(read),
      ).providerVersions['azurerm'];
      for (const { dir, parsed } of recipe.terraform) {
        const constraint = parsed.providerVersions['azurerm'];
        if (constraint !== undefined)
          expect({ dir, constraint }).toEqual({ dir, constraint: moduleConstraint });
      }
    });
  });
});
