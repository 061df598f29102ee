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

export const TEST_AUDIENCE = 'api://auth-jwt-validation-test';

export interface DevIssuerFixture {
  readonly issuer: RunningDevIssuer;
  /** A token the issuer signs for this app; options override issuer, audience, claims, lifetime. */
  mint(options?: MintTokenOptions): Promise<string>;
}

/** For one test file: the dev OIDC issuer on loopback, and the app settings pointing at it. */
export function useDevIssuer(): DevIssuerFixture {
  let issuer: RunningDevIssuer | undefined;
  let keyDirectory = '';
  beforeAll(async () => {
    keyDirectory = await mkdtemp(join(tmpdir(), 'auth-jwt-validation-'));
    issuer = await startDevIssuer({ keyDirectory });
    process.env['OIDC_AUTHORITY'] = issuer.authority;
    process.env['OIDC_AUDIENCE'] = TEST_AUDIENCE;
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
    mint: (options = {}) =>
      mintDevToken({
        issuer: running().issuer,
        audience: TEST_AUDIENCE,
        key: running().key,
        subject: 'user-1',
        ...options,
      }),
  };
}
