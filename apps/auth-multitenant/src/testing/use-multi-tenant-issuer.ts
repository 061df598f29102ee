import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  mintDevToken,
  type MintTokenOptions,
  type RunningDevIssuer,
  startDevIssuer,
} from '@cookbook/apim-gateway';
import { afterAll, beforeAll } from 'vitest';

export const TEST_AUDIENCE = 'api://auth-multitenant-test';

/** Entra ID's v2 issuer for one tenant. */
export const issuerOf = (tenantId: string): string =>
  `https://login.microsoftonline.com/${tenantId}/v2.0`;

export interface MultiTenantIssuer {
  readonly issuer: RunningDevIssuer;
  /** A token of `tenantId`, its `iss` naming that tenant like Entra's; options override. */
  mint(tenantId: string, options?: MintTokenOptions): Promise<string>;
}

/** For one test file: the dev issuer with multi-tenant metadata on loopback, and settings pointing at it. */
export function useMultiTenantIssuer(allowedTenantIds: readonly string[]): MultiTenantIssuer {
  let issuer: RunningDevIssuer | undefined;
  let keyDirectory = '';
  beforeAll(async () => {
    keyDirectory = await mkdtemp(join(tmpdir(), 'auth-multitenant-'));
    issuer = await startDevIssuer({ keyDirectory, issuer: issuerOf('{tenantid}') });
    process.env['OIDC_AUTHORITY'] = issuer.authority;
    process.env['OIDC_AUDIENCE'] = TEST_AUDIENCE;
    process.env['ALLOWED_TENANT_IDS'] = allowedTenantIds.join(',');
  });
  afterAll(async () => {
    await issuer?.close();
    await rm(keyDirectory, { recursive: true, force: true });
  });
  const running = (): RunningDevIssuer => {
    if (!issuer) throw new Error('the dev issuer starts in beforeAll; use it inside tests');
    return issuer;
  };
  return {
    get issuer() {
      return running();
    },
    mint: (tenantId, options = {}) =>
      mintDevToken({
        issuer: issuerOf(tenantId),
        audience: TEST_AUDIENCE,
        key: running().key,
        subject: `user-of-${tenantId}`,
        ...options,
        claims: { tid: tenantId, ...options.claims },
      }),
  };
}
