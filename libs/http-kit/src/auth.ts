// Verified principals for @cookbook/http-kit routes: `context: { principal: bearerAuth(verify) }`.

/** The verified caller a handler receives, and what a route may require of it. */
export type { AuthRequirement, Principal, PrincipalSource } from './auth/principal.js';

/** `Authorization: Bearer` → principal; 401 `invalid_token`, 403 `insufficient_scope`, 503 keys down. */
export { bearerAuth, principalFromClaims } from './auth/bearer-auth.js';

/** OIDC discovery + cached JWKS + allow-listed algorithms; one per app, created at module level. */
export {
  createOidcVerifier,
  expectedIssuer,
  InvalidTokenError,
  type OidcVerifierOptions,
  SigningKeysUnavailableError,
  type TokenVerifier,
} from './auth/create-oidc-verifier.js';

/** App Service Authentication's `X-MS-CLIENT-PRINCIPAL` → principal; 401/403 problems. */
export { easyAuth } from './auth/easy-auth.js';

/** Decodes/encodes `X-MS-CLIENT-PRINCIPAL` (encode: dev tools and tests). */
export {
  CLIENT_PRINCIPAL_HEADER,
  type ClientPrincipalError,
  type ClientPrincipalResult,
  decodeClientPrincipal,
  encodeClientPrincipal,
} from './auth/read-easyauth-principal.js';

/** Reads `Authorization: Bearer <token>` (header only, never the query string). */
export { type BearerTokenResult, readBearerToken } from './auth/read-bearer-token.js';
