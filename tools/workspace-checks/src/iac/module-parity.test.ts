import { describe, expect, it } from 'vitest';

import { bicepModule, sharedModuleNames, snakeCase, terraformModule } from './iac-layout.js';
import { objectKeys } from './iac-text.js';

const modules = sharedModuleNames('bicep');

// Inputs only one flavour can have, and why. Everything else must match by name.
const TERRAFORM_ONLY_INPUTS: Record<string, string[]> = {
  // Bicep deploys into the deployment's resource group; Terraform has to be told which.
  '*': ['resource_group_name'],
  // Write-only secret values are not in the state, so a version number tells Terraform to resend them.
  'key-vault-secret-setting': ['secret_values_version'],
};

const terraformOnly = (module: string): string[] => [
  ...(TERRAFORM_ONLY_INPUTS['*'] ?? []),
  ...(TERRAFORM_ONLY_INPUTS[module] ?? []),
];

/** A default written as a literal (string, number, boolean), in one comparable spelling. */
function literal(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^'[^'$]*'$/.test(text) || /^"[^"$]*"$/.test(text)) return `string:${text.slice(1, -1)}`;
  if (/^-?\d+$/.test(text) || text === 'true' || text === 'false') return text;
  return undefined;
}

describe('every shared module exists in both flavours with the same interface', () => {
  it('has the same modules in infra/bicep/modules and infra/terraform/modules (and some)', () => {
    expect(modules.length).toBeGreaterThan(0);
    expect(sharedModuleNames('terraform')).toEqual(modules);
  });

  describe.each(modules)('%s', (name) => {
    const bicep = bicepModule(name);
    const terraform = terraformModule(name);
    const terraformInputs = terraform.variables.filter(
      (variable) => !terraformOnly(name).includes(variable.name),
    );

    it('takes the same inputs (camelCase in Bicep, snake_case in Terraform)', () => {
      expect(bicep.params.map((param) => snakeCase(param.name)).sort()).toEqual(
        terraformInputs.map((variable) => variable.name).sort(),
      );
    });

    it('requires the same inputs', () => {
      const required = (inputs: { name: string; optional: boolean }[]) =>
        inputs
          .filter((input) => !input.optional)
          .map((input) => snakeCase(input.name))
          .sort();
      expect(required(bicep.params)).toEqual(required(terraformInputs));
    });

    it('uses the same literal defaults', () => {
      for (const param of bicep.params) {
        const twin = terraform.variables.find(
          (variable) => variable.name === snakeCase(param.name),
        );
        const mine = literal(param.defaultValue);
        const theirs = literal(twin?.defaultValue);
        if (mine !== undefined && theirs !== undefined)
          expect({ param: param.name, default: theirs }).toEqual({
            param: param.name,
            default: mine,
          });
      }
    });

    it('returns the same outputs', () => {
      expect(bicep.outputs.map(snakeCase).sort()).toEqual([...terraform.outputs].sort());
    });
  });
});

describe('function-app: both flavours give the app the same settings', () => {
  // Terraform's azurerm provider keeps the Application Insights connection string in site_config.
  const viaSiteConfig = {
    application_insights_connection_string: 'APPLICATIONINSIGHTS_CONNECTION_STRING',
  };
  // hashicorp/terraform-provider-azurerm#29693: the provider injects a key-based AzureWebJobsStorage
  // even for identity storage; the Terraform module blanks it, Bicep never sets it.
  const terraformWorkaround = ['AzureWebJobsStorage'];

  it('sets the same module-owned app settings', () => {
    const bicepSettings = bicepModule('function-app').variable('moduleAppSettings');
    const terraform = terraformModule('function-app');
    const terraformSettings = terraform.local('module_app_settings');
    expect(bicepSettings).toBeDefined();
    expect(terraformSettings).toBeDefined();
    const fromSiteConfig = Object.entries(viaSiteConfig)
      .filter(([argument]) =>
        terraform.texts.some((text) => new RegExp(`^\\s*${argument}\\s*=`, 'm').test(text.mask)),
      )
      .map(([, setting]) => setting);
    const bicepNames = objectKeys(
      bicepSettings ?? { source: '', mask: '', uncommented: '', flavour: 'bicep' },
    );
    const terraformNames = [
      ...objectKeys(
        terraformSettings ?? { source: '', mask: '', uncommented: '', flavour: 'terraform' },
      ),
      ...fromSiteConfig,
    ].filter((setting) => !terraformWorkaround.includes(setting));
    expect(bicepNames.length).toBeGreaterThan(0);
    expect([...terraformNames].sort()).toEqual([...bicepNames].sort());
  });
});

describe('key-vault-secret-setting: both flavours name secrets and references alike', () => {
  const bicep = bicepModule('key-vault-secret-setting').text.source;
  const terraform = terraformModule('key-vault-secret-setting')
    .texts.map((text) => text.source)
    .join('\n');

  it('stores GITHUB_WEBHOOK_SECRET as github-webhook-secret (lower case, _ to -)', () => {
    expect(bicep).toContain("toLower(replace(settingName, '_', '-'))");
    expect(terraform).toContain('lower(replace(setting, "_", "-"))');
  });

  it('returns versionless Key Vault references: @Microsoft.KeyVault(SecretUri=<vault>secrets/<name>/)', () => {
    expect(bicep).toMatch(
      /'@Microsoft\.KeyVault\(SecretUri=\$\{vaultUri\}secrets\/\$\{[^}]+\}\/\)'/,
    );
    expect(terraform).toMatch(
      /"@Microsoft\.KeyVault\(SecretUri=\$\{azurerm_key_vault\.this\.vault_uri\}secrets\/\$\{secret\}\/\)"/,
    );
  });
});
