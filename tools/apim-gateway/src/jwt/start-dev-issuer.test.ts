import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { mintDevToken } from './dev-issuer.js';
import { type RunningDevIssuer, startDevIssuer } from './start-dev-issuer.js';

describe('startDevIssuer (standalone, the same documents the gateway serves)', () => {
  let keyDirectory: string;
  let issuer: RunningDevIssuer;

  beforeAll(async () => {
    keyDirectory = await mkdtemp(join(tmpdir(), 'dev-issuer-'));
    issuer = await startDevIssuer({ keyDirectory, issuer: 'https://issuer.test/v2.0' });
  });
  afterAll(async () => {
    await issuer.close();
    await rm(keyDirectory, { recursive: true, force: true });
  });

  it('publishes discovery and a JWKS that verifies tokens the token command mints', async () => {
    const discovery = (await (
      await fetch(`${issuer.authority}/.well-known/openid-configuration`)
    ).json()) as { issuer: string; jwks_uri: string };
    expect(discovery.issuer).toBe('https://issuer.test/v2.0');
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as Parameters<
      typeof createLocalJWKSet
    >[0];
    const token = await mintDevToken({
      keyDirectory,
      issuer: discovery.issuer,
      audience: 'api://x',
    });
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: discovery.issuer,
      audience: 'api://x',
    });
    expect(payload.sub).toBe('local-developer');
    expect(issuer.jwksRequests()).toBe(1);
  });

  it('answers 503 while set unavailable, like an identity provider outage', async () => {
    issuer.setAvailable(false);
    const response = await fetch(`${issuer.authority}/discovery/keys`);
    issuer.setAvailable(true);
    expect(response.status).toBe(503);
  });
});
