import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  DEFAULT_DEV_ISSUER,
  loadDevSigningKey,
  mintDevToken,
  type MintTokenOptions,
  type RunningDevIssuer,
  startDevIssuer,
} from '@cookbook/apim-gateway';
import { type RecipeStack, startRecipeStack } from '@cookbook/recipes';

import { recipes } from './local-recipes.js';

/** The audience a recipe's local run expects (its metadata's `OIDC_AUDIENCE`). */
export function localAudience(name: string): string {
  const audience = recipes.find((recipe) => recipe.name === name)?.metadata.local.env[
    'OIDC_AUDIENCE'
  ];
  if (!audience) throw new Error(`${name} sets no OIDC_AUDIENCE in its local metadata`);
  return audience;
}

/** A token the local dev issuer (the one the recipe's stack started) signs. */
export function devToken(options: MintTokenOptions): Promise<string> {
  return mintDevToken({ issuer: DEFAULT_DEV_ISSUER, subject: 'e2e-user', ...options });
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

/** `alg: none`, no signature: the oldest JWT attack. */
export function unsignedToken(claims: Record<string, unknown>): string {
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
}

/** HS256 "signed" with the issuer's PUBLIC key: the algorithm-confusion attack. */
export async function publicKeyHmacToken(claims: Record<string, unknown>): Promise<string> {
  const key = await loadDevSigningKey();
  const head = `${b64url({ alg: 'HS256', typ: 'JWT', kid: key.kid })}.${b64url(claims)}`;
  const mac = createHmac('sha256', JSON.stringify(key.publicJwk)).update(head).digest('base64url');
  return `${head}.${mac}`;
}

/** The token with one payload claim changed and the signature kept. */
export function tamperedToken(token: string, change: Record<string, unknown>): string {
  const [head, , signature] = token.split('.');
  return `${head}.${b64url({ ...claimsOf(token), ...change })}.${signature}`;
}

/** The token with another `kid` in its header and the signature kept. */
export function withKid(token: string, kid: string): string {
  const [head, payload, signature] = token.split('.');
  const header = JSON.parse(Buffer.from(head ?? '', 'base64url').toString('utf8')) as object;
  return `${b64url({ ...header, kid })}.${payload}.${signature}`;
}

/** A recipe served on its own (built app on the local host) against an issuer the spec controls. */
export interface RecipeWithOwnIssuer {
  readonly stack: RecipeStack;
  readonly issuer: RunningDevIssuer;
  mint(options?: MintTokenOptions): Promise<string>;
  close(): Promise<void>;
}

export async function serveWithOwnIssuer(name: string): Promise<RecipeWithOwnIssuer> {
  const recipe = recipes.find((candidate) => candidate.name === name);
  if (!recipe) throw new Error(`No recipe "${name}" in the registry`);
  const keyDirectory = await mkdtemp(join(tmpdir(), `${name}-e2e-`));
  const issuer = await startDevIssuer({ keyDirectory });
  const stack = await startRecipeStack(recipe, { env: { OIDC_AUTHORITY: issuer.authority } });
  return {
    stack,
    issuer,
    mint: (options = {}) =>
      mintDevToken({
        issuer: issuer.issuer,
        audience: localAudience(name),
        key: issuer.key,
        ...options,
      }),
    async close() {
      await stack.close();
      await issuer.close();
      await rm(keyDirectory, { recursive: true, force: true });
    },
  };
}

/** An `X-MS-CLIENT-PRINCIPAL` value as App Service Authentication injects it (base64 JSON). */
export function clientPrincipal(principal: {
  auth_typ: string;
  name_typ?: string;
  role_typ?: string;
  claims: unknown;
}): string {
  return Buffer.from(JSON.stringify(principal), 'utf8').toString('base64');
}
