import { startDevIssuer } from '../jwt/start-dev-issuer.js';
import { parseOptions } from './cli-options.js';
import { untilSignal } from './until-signal.js';
import { UsageError } from './usage-error.js';

/** `dev-issuer`: the gateway's dev OIDC issuer on its own, for apps that validate tokens themselves. */
export async function devIssuerCommand(args: string[]): Promise<number> {
  const values = parseOptions(args, { port: { type: 'string' }, issuer: { type: 'string' } });
  const port = Number(values.port ?? process.env['DEV_ISSUER_PORT'] ?? 7400);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number, got ${values.port}`);
  const issuer = await startDevIssuer({
    port,
    ...(values.issuer ? { issuer: values.issuer } : {}),
  });
  process.stderr.write(
    `dev issuer: authority ${issuer.authority} (iss ${issuer.issuer}); mint tokens with the token command --issuer "${issuer.issuer}"\n`,
  );
  await untilSignal();
  await issuer.close();
  return 0;
}
