import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startGateway } from '@cookbook/apim-gateway';
import { describe, expect, it } from 'vitest';

import { namedValueReferences, policyFiles, readRecipeFile } from '../infra/iac-files.js';

interface LocalGatewayConfig {
  api: {
    path: string;
    openapi: string;
    policies: { api: string; operations: Record<string, string> };
  };
  namedValues: Record<string, string | { env: string; default: string; secret: boolean }>;
  subscriptions: { id: string; key: string }[];
  backends: { id: string; url: string; credentials: { header: Record<string, string[]> } }[];
  devIssuer: { issuer: string; audience: string };
}

const config = JSON.parse(
  readFileSync(join(import.meta.dirname, 'local-gateway.json'), 'utf8'),
) as LocalGatewayConfig;

describe('apim/local-gateway.json runs the deployed policy files unchanged', () => {
  it('serves the API under the same suffix as Azure, from the built OpenAPI document', () => {
    expect(config.api.path).toBe('api');
    expect(join('apim', config.api.openapi)).toBe(join('dist', 'openapi.apim.json'));
  });

  it('loads every policy file under apim/, at the scope its path says', () => {
    const configured = [
      config.api.policies.api,
      ...Object.values(config.api.policies.operations),
    ].map((file) => join('apim', file));
    expect(configured.sort()).toEqual(policyFiles());
    for (const [operationId, file] of Object.entries(config.api.policies.operations)) {
      expect(file).toBe(`operations/${operationId}.xml`);
    }
  });

  it('defines every named value the policies and the backend use', () => {
    const used = new Set([
      ...policyFiles().flatMap((file) => namedValueReferences(readRecipeFile(file))),
      ...config.backends.flatMap((backend) =>
        namedValueReferences(JSON.stringify(backend.credentials)),
      ),
    ]);
    expect(Object.keys(config.namedValues).sort()).toEqual([...used].sort());
  });

  it('sends the function host key from FUNCTIONS_HOST_KEY, the variable the local host reads', () => {
    expect(config.namedValues['function-host-key']).toMatchObject({
      env: 'FUNCTIONS_HOST_KEY',
      secret: true,
    });
    const backend = config.backends.find((entry) => entry.id === 'catalog-function-backend');
    expect(backend?.credentials.header['x-functions-key']).toEqual(['{{function-host-key}}']);
    expect(backend?.url).toBe('http://127.0.0.1:7071/api');
  });

  it('lets the dev issuer mint tokens the unchanged validate-jwt accepts', () => {
    const policy = readRecipeFile('apim/api-policy.xml');
    const issuer = /<issuer>([^<]+)<\/issuer>/.exec(policy)?.[1];
    const audience = /<audience>([^<]+)<\/audience>/.exec(policy)?.[1];
    expect(config.namedValues['openid-config-url']).toBe('dev-issuer:openid-config-url');
    expect(config.devIssuer).toMatchObject({ issuer, audience });
    expect(issuer).toBe('https://login.microsoftonline.com/{{tenant-id}}/v2.0');
  });

  it('keeps limits small enough for fast e2e runs: a window of seconds, a short cache', () => {
    expect(Number(config.namedValues['rate-limit-period'])).toBeLessThanOrEqual(10);
    expect(Number(config.namedValues['cache-duration'])).toBeLessThanOrEqual(10);
    expect(new Set(config.subscriptions.map((s) => s.id)).size).toBeGreaterThanOrEqual(2);
  });
});

describe('the local gateway checks the OpenAPI import like APIM', () => {
  async function importWarnings(openapi: string): Promise<string[]> {
    const warnings: string[] = [];
    const gateway = await startGateway({
      config: { ...config, api: { ...config.api, openapi } } as never,
      baseDir: import.meta.dirname,
      port: 0,
      env: { FUNCTIONS_HOST_KEY: 'test-host-key' },
      log: { info: () => undefined, warn: (message) => warnings.push(message) },
    });
    await gateway.close();
    return warnings.filter((message) => message.startsWith('APIM import'));
  }

  it('loads dist/openapi.apim.json with no import error and no import warning', async () => {
    expect(await importWarnings('../dist/openapi.apim.json')).toEqual([]);
  });

  it('would warn on the 3.1 dist/openapi.json (APIM imports 3.1 as import-compatible only)', async () => {
    const warnings = await importWarnings('../dist/openapi.json');
    expect(warnings.join('\n')).toMatch(/rule openapi-31-import-only/);
  });
});
