import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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
    expect(join('apim', config.api.openapi)).toBe(join('dist', 'openapi.json'));
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
