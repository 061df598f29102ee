import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  DEFAULT_DEV_ISSUER,
  DEV_ISSUER_PATH,
  devOpenIdConfiguration,
  type DevSigningKey,
  loadDevSigningKey,
} from './dev-issuer.js';

/** How to run the dev issuer on its own (the gateway serves the same documents under its URL). */
export interface StartDevIssuerOptions {
  /** Loopback port; 0 (default) picks a free one. */
  port?: number;
  /** `iss` of the discovery document; may hold `{tenantid}` like Entra's multi-tenant metadata. */
  issuer?: string;
  keyDirectory?: string;
  key?: DevSigningKey;
}

/** A running standalone dev issuer. */
export interface RunningDevIssuer {
  /** What an app's authority setting names: discovery is `<authority>/.well-known/openid-configuration`. */
  authority: string;
  issuer: string;
  key: DevSigningKey;
  /** How many JWKS documents it has served (tests prove there is no refresh storm). */
  jwksRequests(): number;
  /** While false, every request gets 503 (tests: the identity provider is down). */
  setAvailable(available: boolean): void;
  close(): Promise<void>;
}

/** Serves the dev issuer's openid-configuration and JWKS on 127.0.0.1, the same documents the gateway serves. */
export async function startDevIssuer(
  options: StartDevIssuerOptions = {},
): Promise<RunningDevIssuer> {
  const key = options.key ?? (await loadDevSigningKey(options.keyDirectory));
  const issuer = options.issuer ?? DEFAULT_DEV_ISSUER;
  let jwksCount = 0;
  let available = true;
  let baseUrl = '';
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (status: number, body: unknown): void => {
      response.writeHead(status, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      response.end(JSON.stringify(body));
    };
    if (!available) return send(503, { error: 'dev issuer is set unavailable' });
    if (request.method !== 'GET') return send(405, { error: 'GET only' });
    if (pathname === `${DEV_ISSUER_PATH}/.well-known/openid-configuration`)
      return send(200, devOpenIdConfiguration(baseUrl, issuer));
    if (pathname === `${DEV_ISSUER_PATH}/discovery/keys`) {
      jwksCount += 1;
      return send(200, { keys: [key.publicJwk] });
    }
    return send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    authority: `${baseUrl}${DEV_ISSUER_PATH}`,
    issuer,
    key,
    jwksRequests: () => jwksCount,
    setAvailable(next) {
      available = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
