import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  SignJWT,
} from 'jose';

export const DEV_ISSUER_PATH = '/.dev-issuer';
export const DEFAULT_DEV_ISSUER = 'https://apim-gateway.local/dev-issuer';
export const DEFAULT_DEV_AUDIENCE = 'api://apim-gateway-local';
const KEY_FILE = 'dev-issuer.private.jwk.json';

/** A per-user cache folder outside any checkout, so minted tokens survive restarts and clones. */
export const DEFAULT_DEV_KEY_DIRECTORY: string = join(
  process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache'),
  'azure-functions-cookbook',
  'apim-gateway-dev-issuer',
);

export interface DevSigningKey {
  privateJwk: JWK;
  publicJwk: JWK;
  kid: string;
}

/** Loads the local RSA key, generating it once; only configs pointing at this gateway trust it. */
export async function loadDevSigningKey(
  directory: string = DEFAULT_DEV_KEY_DIRECTORY,
): Promise<DevSigningKey> {
  const file = join(directory, KEY_FILE);
  const existing = await readKey(file);
  if (existing) return existing;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const privateJwk = await exportJWK(privateKey);
  await mkdir(directory, { recursive: true });
  try {
    // 'wx' so two processes starting at once keep the same key.
    await writeFile(file, JSON.stringify(privateJwk), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stored = await readKey(file);
  if (!stored) throw new Error(`could not read dev issuer key ${file}`);
  return stored;
}

async function readKey(file: string): Promise<DevSigningKey | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const privateJwk = JSON.parse(text) as JWK;
  const { kty, n, e } = privateJwk;
  if (kty !== 'RSA' || !n || !e) throw new Error(`${file} is not an RSA private JWK`);
  const kid = await calculateJwkThumbprint({ kty, n, e });
  return { privateJwk, publicJwk: { kty, n, e, kid, alg: 'RS256', use: 'sig' }, kid };
}

export interface MintTokenOptions {
  issuer?: string;
  audience?: string | string[];
  subject?: string;
  expiresInSeconds?: number;
  /** Extra claims (e.g. roles, scp); reserved claims above win. */
  claims?: Record<string, unknown>;
  notBefore?: Date;
  keyDirectory?: string;
  key?: DevSigningKey;
}

export async function mintDevToken(options: MintTokenOptions = {}): Promise<string> {
  const key = options.key ?? (await loadDevSigningKey(options.keyDirectory));
  const signingKey = await importJWK(key.privateJwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({ ...options.claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .setIssuer(options.issuer ?? DEFAULT_DEV_ISSUER)
    .setAudience(options.audience ?? DEFAULT_DEV_AUDIENCE)
    .setSubject(options.subject ?? 'local-developer')
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 3600));
  if (options.notBefore) jwt = jwt.setNotBefore(Math.floor(options.notBefore.getTime() / 1000));
  return jwt.sign(signingKey);
}

export function devOpenIdConfiguration(
  gatewayUrl: string,
  issuer: string,
): Record<string, unknown> {
  return {
    issuer,
    jwks_uri: `${gatewayUrl}${DEV_ISSUER_PATH}/discovery/keys`,
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: [],
    response_types_supported: ['token'],
    subject_types_supported: ['public'],
  };
}
