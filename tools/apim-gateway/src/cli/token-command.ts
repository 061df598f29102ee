import { readGatewayConfig } from '../config/read-gateway-config.js';
import { mintDevToken } from '../jwt/dev-issuer.js';
import { devTokenSettings } from '../jwt/dev-token-settings.js';
import { parseOptions } from './cli-options.js';
import { parseClaims } from './parse-claims.js';
import { UsageError } from './usage-error.js';

/** `token`: prints a JWT this gateway's dev issuer signs, alone on stdout (for `TOKEN=$(...)`). */
export async function tokenCommand(args: string[]): Promise<number> {
  const values = parseOptions(args, {
    config: { type: 'string' },
    issuer: { type: 'string' },
    aud: { type: 'string' },
    sub: { type: 'string' },
    'expires-in': { type: 'string' },
    claim: { type: 'string', multiple: true },
  });
  const settings = devTokenSettings(
    values.config ? await readGatewayConfig(values.config) : undefined,
    process.env,
  );
  const expiresIn =
    values['expires-in'] === undefined ? settings.expiresInSeconds : Number(values['expires-in']);
  if (!Number.isInteger(expiresIn))
    throw new UsageError(`--expires-in must be whole seconds, got ${values['expires-in']}`);
  const jwt = await mintDevToken({
    issuer: values.issuer ?? settings.issuer,
    audience: values.aud ?? settings.audience,
    subject: values.sub ?? settings.subject,
    expiresInSeconds: expiresIn,
    claims: parseClaims(values.claim ?? []),
    keyDirectory: settings.keyDirectory,
  });
  process.stdout.write(`${jwt}\n`);
  return 0;
}
