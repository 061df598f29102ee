import { readFileSync } from 'node:fs';

import { mintDevToken } from '@cookbook/apim-gateway';

import { localGatewayConfigPath } from './local-recipes.js';
import { apimRecipe, type E2eTarget } from './target.js';

export interface TokenSet {
  valid: string;
  expired: string;
  wrongAudience: string;
  /** The valid token with one payload claim changed and the signature kept. */
  tampered: string;
}

interface LocalNamedValues {
  namedValues: Record<string, string>;
}

/** Valid token from the target's issuer plus the invalid variants every run checks. */
export async function tokensFor(target: E2eTarget): Promise<TokenSet> {
  const valid = target.mode === 'local' ? await localToken() : await deployedToken();
  const { issuer, audience } = target.mode === 'local' ? localClaims() : claimsOf(valid);
  // Minted with the local dev key: on Azure the signature fails too, which is still "Invalid JWT".
  const expired = await mintDevToken({ issuer, audience, expiresInSeconds: -3600 });
  const wrongAudience = await mintDevToken({ issuer, audience: 'api://someone-else' });
  return { valid, expired, wrongAudience, tampered: tamper(valid) };
}

function localClaims(): { issuer: string; audience: string } {
  const { namedValues } = JSON.parse(
    readFileSync(localGatewayConfigPath(apimRecipe), 'utf8'),
  ) as LocalNamedValues;
  const tenant = namedValues['tenant-id'];
  const audience = namedValues['jwt-audience'];
  if (!tenant || !audience) throw new Error('local-gateway.json lacks tenant-id or jwt-audience');
  return { issuer: `https://login.microsoftonline.com/${tenant}/v2.0`, audience };
}

async function localToken(): Promise<string> {
  const { issuer, audience } = localClaims();
  return mintDevToken({ issuer, audience, subject: 'e2e-client', expiresInSeconds: 900 });
}

async function deployedToken(): Promise<string> {
  const given = process.env['APIM_BEARER_TOKEN'];
  if (given) return given;
  const tenant = process.env['APIM_TENANT_ID'];
  const clientId = process.env['APIM_CLIENT_ID'];
  const secret = process.env['APIM_CLIENT_SECRET'];
  const scope = process.env['APIM_TOKEN_SCOPE'];
  if (!tenant || !clientId || !secret || !scope) {
    throw new Error(
      'Set APIM_BEARER_TOKEN, or APIM_TENANT_ID, APIM_CLIENT_ID, APIM_CLIENT_SECRET and APIM_TOKEN_SCOPE.',
    );
  }
  const response = await fetch(`https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
      scope,
    }),
  });
  if (!response.ok) throw new Error(`Token request failed with ${response.status}`);
  const { access_token: token } = (await response.json()) as { access_token: string };
  return token;
}

function claimsOf(token: string): { issuer: string; audience: string } {
  const payload = decodePayload(token);
  return { issuer: String(payload['iss']), audience: String(payload['aud']) };
}

function decodePayload(token: string): Record<string, unknown> {
  const [, payload] = token.split('.');
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function tamper(token: string): string {
  const [header, , signature] = token.split('.');
  const payload = { ...decodePayload(token), sub: 'someone-else' };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${header}.${encoded}.${signature}`;
}
