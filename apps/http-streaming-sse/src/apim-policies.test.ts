import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

// The policy files are the deployed source of truth: both IaC flavours and the local gateway load
// exactly these files, and every {{named value}} they use is defined everywhere they run.
const recipeDir = join(import.meta.dirname, '..');
const read = (path: string): string => readFileSync(join(recipeDir, path), 'utf8');

function policyFiles(dir = join(recipeDir, 'apim')): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? policyFiles(join(dir, entry.name))
        : entry.name.endsWith('.xml')
          ? [relative(recipeDir, join(dir, entry.name))]
          : [],
    )
    .sort();
}

const namedValues = (text: string): string[] =>
  [...text.matchAll(/\{\{([\w-]+)\}\}/g)].map((m) => m[1] ?? '');

describe('apim/ policies, IaC and the local gateway agree', () => {
  it('deploys every policy file from both IaC flavours', () => {
    const bicep = read('infra/main.bicep');
    const terraform = read('infra/main.tf');
    for (const file of policyFiles()) {
      expect(bicep).toContain(`loadTextContent('../${file}')`);
      expect(terraform).toContain(`file("\${path.module}/../${file}")`);
    }
  });

  it('runs every policy file locally, at the scope its path says', () => {
    const config = JSON.parse(read('apim/local-gateway.json')) as {
      api: { policies: { api: string; operations: Record<string, string> } };
    };
    const configured = [config.api.policies.api, ...Object.values(config.api.policies.operations)];
    expect(configured.map((file) => join('apim', file)).sort()).toEqual(policyFiles());
    for (const [operationId, file] of Object.entries(config.api.policies.operations)) {
      expect(file).toBe(`operations/${operationId}.xml`);
    }
  });

  it('defines every named value the policies and the backend use, in both IaC flavours', () => {
    const used = new Set([
      ...policyFiles().flatMap((file) => namedValues(read(file))),
      ...namedValues(read('infra/main.bicep')),
    ]);
    const config = JSON.parse(read('apim/local-gateway.json')) as { namedValues: object };
    expect(Object.keys(config.namedValues).sort()).toEqual([...used].sort());
    for (const name of used) {
      expect(read('infra/main.bicep')).toContain(`name: '${name}'`);
      expect(read('infra/main.tf')).toContain(`name                = "${name}"`);
    }
  });

  it('streams the events operation through: buffer-response="false" and no inherited backend', () => {
    const policy = read('apim/operations/streamJobEvents.xml');
    const backend = /<backend>([\s\S]*?)<\/backend>/.exec(policy)?.[1] ?? '';
    expect(backend).toMatch(/<forward-request[^>]*buffer-response="false"/);
    expect(backend).not.toContain('<base />');
  });
});
