import { createHmac, timingSafeEqual } from 'node:crypto';

import type { HttpRequest } from '@azure/functions';
import { httpError } from '@cookbook/http-kit';
import { getLogger } from '@cookbook/logging';

/** The app settings holding the webhook secret; two at once while a rotation is under way. */
export const SECRET_SETTING = 'GITHUB_WEBHOOK_SECRET';
export const PREVIOUS_SECRET_SETTING = 'GITHUB_WEBHOOK_SECRET_PREVIOUS';

/** GitHub's signature header: `sha256=` and the lowercase hex HMAC-SHA256 of the raw body. */
export const SIGNATURE_HEADER = 'x-hub-signature-256';
const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/** What the signature check needs once the body has arrived; read before the body is. */
export interface SignatureCheck {
  readonly secrets: readonly string[];
  readonly digest: Buffer;
}

/** `sha256=<hex>` for `body` under `secret`, exactly as GitHub computes it. */
export function signPayload(secret: string, body: Uint8Array | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function configuredSecrets(env: NodeJS.ProcessEnv): string[] {
  return [env[SECRET_SETTING], env[PREVIOUS_SECRET_SETTING]].filter(
    (secret): secret is string => typeof secret === 'string' && secret !== '',
  );
}

/**
 * Context extension: 500 when no secret is configured, 401 when the header is missing or malformed,
 * both before the body is read. Never puts the secret or the signature into a message.
 */
export function readSignature(request: HttpRequest, env = process.env): SignatureCheck {
  const secrets = configuredSecrets(env);
  if (secrets.length === 0) {
    getLogger().error({ setting: SECRET_SETTING }, 'webhook secret is not configured');
    throw httpError('internalError', `The server has no ${SECRET_SETTING} setting.`);
  }
  const match = SIGNATURE.exec(request.headers.get(SIGNATURE_HEADER) ?? '');
  if (!match?.[1]) {
    throw httpError('unauthorized', 'Send X-Hub-Signature-256: sha256=<HMAC-SHA256 of the body>.');
  }
  return { secrets, digest: Buffer.from(match[1], 'hex') };
}

/** 401 unless the body's HMAC under one of the secrets equals the header's, compared in constant time. */
export function verifySignature(body: Uint8Array, { secrets, digest }: SignatureCheck): void {
  // Every secret is tried (no early exit), so timing does not tell which one matched.
  let valid = false;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(body).digest();
    valid = timingSafeEqual(expected, digest) || valid;
  }
  if (!valid) throw httpError('unauthorized', 'The X-Hub-Signature-256 signature does not match.');
}
