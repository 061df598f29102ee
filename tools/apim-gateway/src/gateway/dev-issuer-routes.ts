import { HeaderBag } from '../http/header-bag.js';
import { DEV_ISSUER_PATH, devOpenIdConfiguration, type DevSigningKey } from '../jwt/dev-issuer.js';
import { errorResponse, type GatewayResponse } from '../pipeline/gateway-response.js';

/** The dev issuer's openid-configuration and JWKS, served by the gateway itself. */
export function devIssuerResponse(
  pathname: string,
  gatewayUrl: string,
  issuer: string,
  key: DevSigningKey,
): GatewayResponse {
  const json = (value: unknown): GatewayResponse => ({
    status: 200,
    reason: 'OK',
    headers: HeaderBag.from({ 'Content-Type': 'application/json' }),
    body: Buffer.from(JSON.stringify(value)),
  });
  if (pathname === `${DEV_ISSUER_PATH}/.well-known/openid-configuration`) {
    return json(devOpenIdConfiguration(gatewayUrl, issuer));
  }
  if (pathname === `${DEV_ISSUER_PATH}/discovery/keys`) return json({ keys: [key.publicJwk] });
  return errorResponse(404, 'Resource not found');
}

export function isDevIssuerPath(pathname: string): boolean {
  return pathname.startsWith(`${DEV_ISSUER_PATH}/`);
}
