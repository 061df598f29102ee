import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { managedIdentityCredential } from './managed-identity-credential.js';

// A stand-in for the App Service identity endpoint (IDENTITY_ENDPOINT), on loopback.
const requests: IncomingMessage[] = [];
const server = createServer((request, response) => {
  requests.push(request);
  const expiresOn = Math.floor(Date.now() / 1000) + 3600;
  response.setHeader('content-type', 'application/json');
  response.end(
    JSON.stringify({ access_token: `token-${requests.length}`, expires_on: `${expiresOn}` }),
  );
});
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  env = {
    IDENTITY_ENDPOINT: `http://127.0.0.1:${port}/msi/token`,
    IDENTITY_HEADER: 'header-secret',
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('managedIdentityCredential (App Service identity endpoint)', () => {
  it('asks for the storage resource with the identity header, and caches the token', async () => {
    const credential = managedIdentityCredential('client-1', env);
    const first = await credential.getToken('https://storage.azure.com/.default');
    const second = await credential.getToken(['https://storage.azure.com/.default']);
    expect(first.token).toBe('token-1');
    expect(second).toBe(first);
    expect(requests).toHaveLength(1);
    const url = new URL(requests[0]?.url ?? '', 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      'api-version': '2019-08-01',
      resource: 'https://storage.azure.com',
      client_id: 'client-1',
    });
    expect(requests[0]?.headers['x-identity-header']).toBe('header-secret');
    expect(first.expiresOnTimestamp).toBeGreaterThan(Date.now());
  });

  it('says what is missing outside Azure', async () => {
    await expect(managedIdentityCredential(undefined, {}).getToken('x')).rejects.toThrow(
      'No managed identity endpoint (IDENTITY_ENDPOINT) in this environment.',
    );
  });
});
