import { describe, expect, it } from 'vitest';

import {
  bicepModule,
  read,
  sharedModuleNames,
  sharedModuleRoots,
  terraformFilesIn,
  terraformModule,
} from './iac-layout.js';

/** A module's code with comments blanked (strings kept), so a comment cannot satisfy a check. */
const bicepCode = (name: string): string => bicepModule(name).text.uncommented;
const terraformCode = (name: string): string =>
  terraformModule(name)
    .texts.map((text) => text.uncommented)
    .join('\n');

// Terraform rejects these as variable names (they are module-block arguments).
const RESERVED_VARIABLE_NAMES = [
  'source',
  'version',
  'providers',
  'count',
  'for_each',
  'lifecycle',
  'depends_on',
  'locals',
];

describe('function-app: Flex Consumption, Node 22, locked down', () => {
  const bicep = bicepCode('function-app');
  const terraform = terraformCode('function-app');

  it('runs on the Flex Consumption plan (FC1), Linux', () => {
    expect(bicep).toMatch(/name: 'FC1'\s+tier: 'FlexConsumption'/);
    expect(bicep).toMatch(/reserved: true/);
    expect(bicep).toContain("kind: 'functionapp,linux'");
    expect(terraform).toMatch(/os_type\s+= "Linux"\s+sku_name\s+= "FC1"/);
  });

  it('runs Node.js 22 (the text shape tools/workspace-checks/src/node-runtime.test.ts reads)', () => {
    expect(bicep).toMatch(/runtime: \{\s+name: 'node'\s+version: '22'\s+\}/);
    expect(terraform).toMatch(/runtime_name\s+= "node"\s+runtime_version\s+= "22"/);
  });

  it('serves HTTPS only, TLS 1.2 at least; no FTP(S) in Bicep (Flex has none; the provider has no setting)', () => {
    expect(bicep).toContain('httpsOnly: true');
    expect(bicep).toContain("minTlsVersion: '1.2'");
    expect(bicep).toContain("ftpsState: 'Disabled'");
    expect(terraform).toMatch(/https_only\s+= true/);
    expect(terraform).toMatch(/minimum_tls_version\s+= "1\.2"/);
  });

  it('uses a system-assigned identity for host storage and the deployment package, no keys', () => {
    expect(bicep).toContain("type: 'SystemAssigned'");
    expect(bicep).toContain("authentication: { type: 'SystemAssignedIdentity' }");
    expect(bicep).toContain('allowSharedKeyAccess: false');
    expect(bicep).toContain("AzureWebJobsStorage__credential: 'managedidentity'");
    expect(terraform).toMatch(
      /type\s+= length\(var\.user_assigned_identity_ids\) > 0 \? "SystemAssigned, UserAssigned" : "SystemAssigned"/,
    );
    expect(terraform).toMatch(/storage_authentication_type = "SystemAssignedIdentity"/);
    expect(terraform).toMatch(/shared_access_key_enabled\s+= false/);
    expect(terraform).toMatch(/AzureWebJobsStorage__credential\s+= "managedidentity"/);
    for (const code of [bicep, terraform]) expect(code).not.toMatch(/AccountKey=|listKeys\(/);
  });

  it('grants the identity Storage Blob Data Owner, and Key Vault Secrets User on each vault passed', () => {
    expect(bicep).toContain("storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'");
    expect(bicep).toContain("keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'");
    expect(bicep).toMatch(/for \(keyVaultId, i\) in keyVaultIds:/);
    expect(terraform).toMatch(/role_definition_name = "Storage Blob Data Owner"/);
    expect(terraform).toMatch(
      /count\s+= length\(var\.key_vault_ids\)\s+scope\s+= var\.key_vault_ids\[count\.index\]\s+role_definition_name = "Key Vault Secrets User"/,
    );
  });

  it('applies app settings only after the roles exist (Bicep: a separate appsettings resource)', () => {
    const appSettings =
      /resource siteAppSettings 'Microsoft\.Web\/sites\/config@[^']+' = \{[\s\S]*?\n\}/.exec(
        bicep,
      )?.[0] ?? '';
    expect(appSettings).toContain("name: 'appsettings'");
    expect(appSettings).toContain('properties: union(appSettings, moduleAppSettings)');
    expect(appSettings).toMatch(
      /dependsOn: \[\s+storageBlobDataOwner\s+storageTableDataContributor\s+keyVaultSecretsUser\s+\]/,
    );
    // The site itself carries no app settings, so a redeploy never drops them in between.
    const site =
      /resource functionApp 'Microsoft\.Web\/sites@[^']+' = \{[\s\S]*?\n\}/.exec(bicep)?.[0] ?? '';
    expect(site).not.toContain('appSettings');
  });

  it('merges recipe settings under its own and sets languageWorkers__node__arguments only when given', () => {
    expect(bicep).toContain('union(appSettings, moduleAppSettings)');
    expect(bicep).toContain(
      'empty(nodeArguments) ? {} : { languageWorkers__node__arguments: nodeArguments }',
    );
    expect(terraform).toContain('merge(var.app_settings, local.module_app_settings)');
    expect(terraform).toContain(
      'var.node_arguments == "" ? {} : { languageWorkers__node__arguments = var.node_arguments }',
    );
  });

  it('leaves Easy Auth to the app-service-auth module in Terraform (never resets it)', () => {
    expect(terraform).toMatch(/ignore_changes = \[auth_settings, auth_settings_v2\]/);
  });
});

describe('key-vault-secret-setting: RBAC vault, secrets never in plain files or state', () => {
  const bicep = bicepCode('key-vault-secret-setting');
  const terraform = terraformCode('key-vault-secret-setting');
  const terraformVariables = terraformModule('key-vault-secret-setting').variables;

  it('authorizes with Azure RBAC, not access policies, with soft delete', () => {
    expect(bicep).toContain('enableRbacAuthorization: true');
    expect(bicep).toContain('enableSoftDelete: true');
    expect(bicep).not.toContain('accessPolicies');
    expect(terraform).toMatch(/rbac_authorization_enabled\s+= true/);
    expect(terraform).not.toContain('access_policy');
  });

  it('takes secret values as a secure/sensitive input', () => {
    expect(bicep).toMatch(/@secure\(\)\s+param secretValues object/);
    expect(
      terraformVariables.find((variable) => variable.name === 'secret_values')?.sensitive,
    ).toBe(true);
  });

  it('writes Terraform secrets write-only (value_wo), so the state never holds them', () => {
    expect(terraform).toMatch(/value_wo\s+= var\.secret_values\[each\.key\]/);
    expect(terraform).not.toMatch(/^\s*value\s+=\s*var\.secret_values/m);
    expect(terraform).toMatch(/required_version = ">= 1\.11"/);
  });
});

describe('app-service-auth: Entra ID bearer tokens, 401 otherwise, no token store', () => {
  const bicep = bicepCode('app-service-auth');
  const terraform = terraformCode('app-service-auth');

  it('requires authentication and answers 401 (never a login redirect)', () => {
    expect(bicep).toMatch(/requireAuthentication: true\s+unauthenticatedClientAction: 'Return401'/);
    expect(terraform).toMatch(
      /requireAuthentication\s+= true\s+unauthenticatedClientAction = "Return401"/,
    );
  });

  it('validates Entra ID tokens for the client id and the allowed audiences', () => {
    expect(bicep).toMatch(/azureActiveDirectory: \{\s+enabled: true/);
    expect(bicep).toContain('clientId: clientId');
    expect(bicep).toContain('openIdIssuer: issuer');
    expect(bicep).toContain('allowedAudiences: union([clientId], allowedAudiences)');
    expect(terraform).toMatch(/azureActiveDirectory = \{\s+enabled = true/);
    expect(terraform).toContain('clientId     = var.client_id');
    expect(terraform).toContain(
      'allowedAudiences = distinct(concat([var.client_id], var.allowed_audiences))',
    );
  });

  it('keeps no token store and requires HTTPS', () => {
    expect(bicep).toMatch(/tokenStore: \{\s+enabled: false/);
    expect(bicep).toContain('requireHttps: true');
    expect(terraform).toMatch(/tokenStore = \{\s+enabled = false/);
    expect(terraform).toContain('requireHttps = true');
  });

  it('writes the same ARM resource in both flavours: Microsoft.Web/sites/config authsettingsV2', () => {
    expect(bicep).toMatch(
      /'Microsoft\.Web\/sites\/config@2024-04-01' = \{\s+parent: functionApp\s+name: 'authsettingsV2'/,
    );
    expect(terraform).toContain('type        = "Microsoft.Web/sites/config@2024-04-01"');
    expect(terraform).toContain('/config/authsettingsV2"');
  });
});

describe('postgres-flexible: Entra-only PostgreSQL 16 on Burstable B1ms by default', () => {
  const bicep = bicepCode('postgres-flexible');
  const terraform = terraformCode('postgres-flexible');

  it('allows Microsoft Entra authentication only: no password, no administrator login', () => {
    expect(bicep).toMatch(/activeDirectoryAuth: 'Enabled'\s+passwordAuth: 'Disabled'/);
    expect(terraform).toMatch(
      /active_directory_auth_enabled = true\s+password_auth_enabled\s+= false/,
    );
    for (const code of [bicep, terraform])
      expect(code).not.toMatch(
        /administratorLogin|administrator_login|administrator_password|password\s*[:=]\s*['"]/i,
      );
  });

  it('makes the given identity an Entra administrator, named by its object id', () => {
    expect(bicep).toMatch(
      /flexibleServers\/administrators@[^']+' = \{\s+parent: server\s+name: administratorPrincipalId/,
    );
    expect(terraform).toMatch(
      /object_id\s+= var\.administrator_principal_id\s+principal_name\s+= var\.administrator_name/,
    );
  });

  it('defaults to Burstable B1ms and PostgreSQL 16', () => {
    expect(bicep).toContain("param skuName string = 'B_Standard_B1ms'");
    expect(bicep).toContain("B: 'Burstable'");
    expect(bicep).toContain("param postgresVersion string = '16'");
    expect(terraform).toMatch(/default\s+= "B_Standard_B1ms"/);
    expect(terraform).toMatch(/variable "postgres_version" \{[^}]*default\s+= "16"/);
  });

  it('opens the firewall to Azure services with the rule Azure itself names (0.0.0.0)', () => {
    for (const code of [bicep, terraform])
      expect(code).toContain('AllowAllAzureServicesAndResourcesWithinAzureIps');
    expect(bicep).toMatch(/startIpAddress: '0\.0\.0\.0'\s+endIpAddress: '0\.0\.0\.0'/);
    expect(terraform).toMatch(/start_ip_address = "0\.0\.0\.0"\s+end_ip_address\s+= "0\.0\.0\.0"/);
  });

  it('hands out a passwordless TLS connection URL for the identity', () => {
    expect(bicep).toMatch(
      /'postgresql:\/\/\$\{uriComponent\(administratorName\)\}@\$\{[^}]+\}:5432\/\$\{databaseName\}\?sslmode=require'/,
    );
    expect(terraform).toMatch(
      /"postgresql:\/\/\$\{urlencode\(var\.administrator_name\)\}@\$\{[^}]+\}:5432\/\$\{var\.database_name\}\?sslmode=require"/,
    );
  });
});

describe('every shared module is documented and pinned', () => {
  const names = sharedModuleNames('terraform');
  const readme = read('infra/README.md');

  it.each(names)(
    '%s: every Bicep param and output has a @description, every variable a description and type',
    (name) => {
      const bicep = bicepModule(name).text.uncommented;
      for (const param of bicepModule(name).params)
        expect({
          param: param.name,
          described: new RegExp(
            `@description\\('(?:[^'\\\\]|\\\\.)*'\\)\\s+(@\\w+\\([^)]*\\)\\s+)*param ${param.name} `,
          ).test(bicep),
        }).toEqual({ param: param.name, described: true });
      for (const variable of terraformModule(name).variables)
        expect({
          variable: variable.name,
          description: variable.hasDescription,
          type: variable.hasType,
        }).toEqual({ variable: variable.name, description: true, type: true });
    },
  );

  it.each(names)('%s: no Terraform variable uses a reserved name', (name) => {
    const reserved = terraformModule(name).variables.filter((variable) =>
      RESERVED_VARIABLE_NAMES.includes(variable.name),
    );
    expect(reserved).toEqual([]);
  });

  it.each(names)('%s: pins azurerm like every other module', (name) => {
    const versions = terraformModule(name).providerVersions;
    expect(versions['azurerm']).toBe(terraformModule('function-app').providerVersions['azurerm']);
    expect(
      terraformFilesIn(`${sharedModuleRoots.terraform}/${name}`).map((file) =>
        file.split('/').pop(),
      ),
    ).toEqual(['main.tf', 'outputs.tf', 'variables.tf']);
  });

  it.each(names)('%s: infra/README.md describes it', (name) => {
    expect(readme).toContain(`### \`${name}\``);
  });

  it('infra/README.md tells readers how to validate what was never compiled here', () => {
    expect(readme).toContain('az bicep build');
    expect(readme).toContain('terraform validate');
  });
});
