import { createOidcVerifier, type TokenVerifier } from '@cookbook/http-kit/auth';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `ALLOWED_TENANT_IDS`: comma-separated tenant GUIDs, compared case-insensitively. Empty or unset
 * allows no tenant (fail closed); a malformed entry throws, so the app stops at start-up.
 */
export function parseAllowedTenantIds(text: string | undefined): ReadonlySet<string> {
  const entries = (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const malformed = entries.filter((entry) => !GUID.test(entry));
  if (malformed.length > 0) {
    throw new Error(
      `ALLOWED_TENANT_IDS must be comma-separated tenant GUIDs; not a GUID: ${malformed.map((entry) => JSON.stringify(entry)).join(', ')}`,
    );
  }
  return new Set(entries.map((entry) => entry.toLowerCase()));
}

/** The app's settings, validated; main.ts reads them first so a bad value stops the app at start-up. */
export interface TenantSettings {
  readonly authority: string;
  readonly audience: readonly string[];
  readonly allowedTenantIds: ReadonlySet<string>;
}

export function readTenantSettings(env: NodeJS.ProcessEnv): TenantSettings {
  const audience = (env['OIDC_AUDIENCE'] ?? '')
    .split(',')
    .map((aud) => aud.trim())
    .filter(Boolean);
  if (audience.length === 0)
    throw new Error('auth-multitenant: app setting OIDC_AUDIENCE is missing');
  return {
    // Entra ID's multi-tenant metadata: its issuer names {tenantid}, which each token's tid fills.
    authority: env['OIDC_AUTHORITY'] || 'https://login.microsoftonline.com/organizations/v2.0',
    audience,
    allowedTenantIds: parseAllowedTenantIds(env['ALLOWED_TENANT_IDS']),
  };
}

let settings: TenantSettings | undefined;
let verifier: TokenVerifier | undefined;

/** Settings read once per process (on first use, so the OpenAPI build step needs none). */
export function tenantSettings(): TenantSettings {
  settings ??= readTenantSettings(process.env);
  return settings;
}

/** The app's one verifier: discovery and keys cached per process; `iss` must name the token's own `tid`. */
export const verifyAccessToken: TokenVerifier = (token) => {
  const { authority, audience } = tenantSettings();
  verifier ??= createOidcVerifier({ authority, audience });
  return verifier(token);
};
