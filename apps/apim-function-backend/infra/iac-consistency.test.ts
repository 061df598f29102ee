import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

import {
  bicepNamedValues,
  loadedFiles,
  namedValueReferences,
  policyFiles,
  readRecipeFile,
  readSharedModule,
  recipeDir,
  sharedModulePaths,
  terraformNamedValues,
} from './iac-files.js';

const iacFiles = ['infra/main.bicep', 'infra/main.tf'] as const;
const buildOutputs = ['dist/openapi.json', 'dist/openapi.apim.json'];
const contractNamedValues = [
  'cache-duration',
  'function-host-key',
  'jwt-audience',
  'openid-config-url',
  'rate-limit-calls',
  'rate-limit-period',
  'tenant-id',
];

// Policies use most named values; the backend entity's credentials header uses the host key.
const backendNamedValues = ['function-host-key'];
const usedNamedValues = [
  ...new Set([
    ...policyFiles().flatMap((file) => namedValueReferences(readRecipeFile(file))),
    ...backendNamedValues,
  ]),
].sort();

const declaredBy: Record<(typeof iacFiles)[number], string[]> = {
  'infra/main.bicep': bicepNamedValues(readRecipeFile('infra/main.bicep')),
  'infra/main.tf': terraformNamedValues(readRecipeFile('infra/main.tf')),
};

type Target = { command?: string; outputs?: string[]; dependsOn?: (string | object)[] };
const targets = (
  JSON.parse(readRecipeFile('package.json')) as { nx: { targets: Record<string, Target> } }
).nx.targets;

/** `build` and every target of this project it runs first (dependsOn by name). */
function buildChain(name = 'build', seen = new Set<string>()): Target[] {
  const target = targets[name];
  if (target === undefined || seen.has(name)) return [];
  seen.add(name);
  const before = (target.dependsOn ?? []).filter((dep): dep is string => typeof dep === 'string');
  return [target, ...before.flatMap((dep) => buildChain(dep, seen))];
}

describe('policy XML (deployed with format "xml", so it must be well-formed)', () => {
  it.each(policyFiles())('%s is well-formed XML rooted at <policies>', (file) => {
    const source = readRecipeFile(file);
    expect(XMLValidator.validate(source)).toBe(true);
    expect(source).toMatch(/^(?:<!--[\s\S]*?-->\s*)?<policies>/);
  });

  it('uses exactly the named values the policy XML references', () => {
    expect(usedNamedValues).toEqual(contractNamedValues);
  });
});

describe.each(iacFiles)('%s', (iacFile) => {
  it('loads only files that exist or that the build (or a target it runs first) produces', () => {
    const files = loadedFiles(iacFile);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      if (buildOutputs.includes(file)) {
        const producers = buildChain().filter((target) =>
          target.outputs?.includes(`{projectRoot}/${file}`),
        );
        expect(producers.length, `no target that build runs declares ${file}`).toBeGreaterThan(0);
        for (const producer of producers)
          if (producer.command !== undefined) expect(producer.command).toContain(file);
      } else {
        expect(existsSync(join(recipeDir, file)), `${iacFile} loads missing ${file}`).toBe(true);
      }
    }
  });

  it('deploys every policy file under apim/', () => {
    expect(
      loadedFiles(iacFile)
        .filter((file) => file.endsWith('.xml'))
        .sort(),
    ).toEqual(policyFiles());
  });

  it('imports the OpenAPI 3.0 document the build writes for APIM, not the 3.1 one', () => {
    expect(loadedFiles(iacFile)).toContain('dist/openapi.apim.json');
    expect(loadedFiles(iacFile)).not.toContain('dist/openapi.json');
  });

  it('declares every {{named value}} the policies use, and no other', () => {
    expect([...declaredBy[iacFile]].sort()).toEqual(usedNamedValues);
  });

  it('declares the backend entity the policy selects, sending the host key header', () => {
    const source = readRecipeFile(iacFile);
    expect(source).toMatch(/name\s*[:=]\s*['"]catalog-function-backend['"]/);
    expect(source).toMatch(
      /'?"?x-functions-key'?"?\s*[:=]\s*\[?\s*['"]\{\{function-host-key\}\}['"]/,
    );
  });

  it('attaches each operation policy to an operation id of the OpenAPI document', () => {
    const source = readRecipeFile(iacFile);
    for (const file of policyFiles().filter((path) => path.startsWith('apim/operations/'))) {
      const operationId = file.slice('apim/operations/'.length, -'.xml'.length);
      expect(source).toMatch(new RegExp(`['"]${operationId}['"]`));
    }
  });

  it('keeps secrets out of the file', () => {
    const source = readRecipeFile(iacFile);
    expect(source).not.toMatch(/AccountKey=|SharedAccessSignature|sig=|password\s*[:=]\s*['"]\w/i);
  });
});

describe('both IaC flavours deploy the same shape', () => {
  const bicep = readRecipeFile('infra/main.bicep');
  const terraform = readRecipeFile('infra/main.tf') + readRecipeFile('infra/variables.tf');
  // The Function App itself lives in the shared module both flavours call (infra/ at the repo root).
  const bicepFunctionApp = readSharedModule('infra/main.bicep', 'function-app');
  const terraformFunctionApp = readSharedModule('infra/main.tf', 'function-app');

  it('offer only APIM tiers that have a built-in cache and rate-limit-by-key (v2)', () => {
    expect(/@allowed\(\[([^\]]+)\]\)\s*param apimSku/.exec(bicep)?.[1]).toBe(
      "'BasicV2', 'StandardV2'",
    );
    expect(terraform).toContain('^(BasicV2|StandardV2)_');
    expect(bicep + terraform).not.toMatch(/Consumption_0|'Consumption'/);
  });

  it('take the Function App from the shared function-app module, declaring none of their own', () => {
    const workspaceRoot = resolve(recipeDir, '../..');
    expect(sharedModulePaths('infra/main.bicep')).toContain(
      join(workspaceRoot, 'infra/bicep/modules/function-app.bicep'),
    );
    expect(sharedModulePaths('infra/main.tf')).toContain(
      join(workspaceRoot, 'infra/terraform/modules/function-app'),
    );
    expect(bicep).not.toContain("'Microsoft.Web/sites@");
    expect(terraform).not.toMatch(/resource "azurerm_\w*function_app\w*"/);
  });

  it('host the function on Flex Consumption (FC1), Linux, Node 22', () => {
    expect(bicepFunctionApp).toMatch(/name: 'FC1'/);
    expect(bicepFunctionApp).toMatch(/kind: 'functionapp,linux'/);
    expect(bicepFunctionApp).toMatch(/name: 'node'\s+version: '22'/);
    expect(terraformFunctionApp).toMatch(/sku_name\s+= "FC1"/);
    expect(terraformFunctionApp).toMatch(/os_type\s+= "Linux"/);
    expect(terraformFunctionApp).toMatch(/runtime_name\s+= "node"\s+runtime_version\s+= "22"/);
  });

  it('deploy every policy as well-formed XML (format xml, never rawxml)', () => {
    expect(bicep).not.toContain('rawxml');
    const formats = [...bicep.matchAll(/format: '([^']+)'/g)].map((match) => match[1]);
    expect(formats.filter((format) => format !== 'openapi+json')).toEqual(['xml', 'xml']);
    expect(terraform).not.toContain('rawxml');
  });

  it('require a subscription on the API suffix "api", keys by the APIM defaults', () => {
    expect(bicep).toMatch(/path: 'api'/);
    expect(bicep).toMatch(/subscriptionRequired: true/);
    expect(terraform).toMatch(/path\s+= "api"/);
    expect(terraform).toMatch(/subscription_required = true/);
    for (const source of [bicep, terraform]) {
      expect(source).toContain('Ocp-Apim-Subscription-Key');
      expect(source).toContain('subscription-key');
    }
  });

  it('give storage no shared keys (managed identity only)', () => {
    expect(bicepFunctionApp).toContain('allowSharedKeyAccess: false');
    expect(terraformFunctionApp).toMatch(/shared_access_key_enabled\s+= false/);
    // Terraform's own data-plane calls to that storage must then use Entra ID.
    expect(terraform).toMatch(/storage_use_azuread\s+= true/);
  });
});

describe('the policies and the backend agree', () => {
  it('selects the backend entity by id', () => {
    expect(readRecipeFile('apim/api-policy.xml')).toContain(
      '<set-backend-service backend-id="catalog-function-backend" />',
    );
  });

  it('has one operation policy per operation id that exists in the OpenAPI document', () => {
    const openapiPath = join(recipeDir, 'dist/openapi.apim.json');
    if (!existsSync(openapiPath)) {
      throw new Error(
        'dist/openapi.apim.json is missing: run `npx nx run apim-function-backend:build`',
      );
    }
    const document = JSON.parse(readRecipeFile('dist/openapi.apim.json')) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const operationIds = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );
    for (const file of policyFiles().filter((path) => path.startsWith('apim/operations/'))) {
      expect(operationIds).toContain(file.slice('apim/operations/'.length, -'.xml'.length));
    }
  });
});
