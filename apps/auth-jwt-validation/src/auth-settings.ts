import { createOidcVerifier, type TokenVerifier } from '@cookbook/http-kit/auth';
import * as z from 'zod';

/** App settings this recipe needs; IaC sets them in Azure, the dev OIDC issuer locally. */
const AuthSettingsSchema = z.object({
  /** e.g. `https://login.microsoftonline.com/<tenant-id>/v2.0` (v2 endpoint: v2 issuer). */
  OIDC_AUTHORITY: z.url({ protocol: /^https?$/ }),
  /** The API's App ID URI and/or client id, comma-separated. */
  OIDC_AUDIENCE: z
    .string()
    .trim()
    .min(1)
    .transform((value) =>
      value
        .split(',')
        .map((aud) => aud.trim())
        .filter(Boolean),
    ),
});

/** Validated settings; a missing or malformed one stops the app at start-up with a clear message. */
export function readAuthSettings(env: NodeJS.ProcessEnv): z.output<typeof AuthSettingsSchema> {
  const result = AuthSettingsSchema.safeParse(env);
  if (!result.success) {
    const names = result.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`auth-jwt-validation: missing or invalid app settings: ${names}`);
  }
  return result.data;
}

let verifier: TokenVerifier | undefined;

/**
 * The app's one verifier (discovery + JWKS cached for the process, never rebuilt per request).
 * Created on first use so the OpenAPI build step needs no settings.
 */
export const verifyAccessToken: TokenVerifier = (token) => {
  if (!verifier) {
    const settings = readAuthSettings(process.env);
    verifier = createOidcVerifier({
      authority: settings.OIDC_AUTHORITY,
      audience: settings.OIDC_AUDIENCE,
      algorithms: ['RS256'],
      clockToleranceSeconds: 60,
    });
  }
  return verifier(token);
};
