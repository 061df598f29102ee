import { parseArgs } from 'node:util';

import { parseClaims } from './cli/parse-claims.js';
import { UsageError } from './cli/usage-error.js';
import { readGatewayConfig } from './config/read-gateway-config.js';
import { PortInUseError } from './gateway/listen.js';
import { startGateway } from './gateway/start-gateway.js';
import { mintDevToken } from './jwt/dev-issuer.js';
import { devTokenSettings } from './jwt/dev-token-settings.js';
import type { GatewayLog } from './policies/gateway-services.js';
import { GatewayLoadError } from './xml/load-error.js';

const USAGE = `Local Azure API Management gateway

Usage:
  tsx tools/apim-gateway/src/cli.ts start --config <local-gateway.json> [--port 8080] [--host 127.0.0.1]
  tsx tools/apim-gateway/src/cli.ts token [--config <local-gateway.json>] [--aud <audience>] [--sub <subject>]
                                          [--expires-in <seconds>] [--claim name=value]...
`;

const consoleLog: GatewayLog = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.error(JSON.stringify({ level: 'warn', message, ...fields })),
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'start') return start(rest);
  if (command === 'token') return token(rest);
  process.stderr.write(USAGE);
  return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
}

async function start(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  if (!values.config) throw new UsageError('start needs --config <path to local-gateway.json>');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port must be 0-65535, got ${values.port}`);
  const gateway = await startGateway({
    configPath: values.config,
    port,
    host: values.host,
    log: consoleLog,
  });
  const tokenCommand = `npx tsx tools/apim-gateway/src/cli.ts token --config ${values.config}`;
  console.log(
    [
      '',
      `  Local APIM gateway listening on ${gateway.url}`,
      `  Subscription key:  ${gateway.subscriptionKey ?? '(none configured)'}   (header Ocp-Apim-Subscription-Key)`,
      `  Dev token:         TOKEN=$(${tokenCommand})`,
      `  Dev issuer:        ${gateway.openIdConfigurationUrl}`,
      '',
      `  curl -H "Ocp-Apim-Subscription-Key: ${gateway.subscriptionKey ?? '<key>'}" -H "Authorization: Bearer $TOKEN" ${gateway.url}/...`,
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await gateway.close();
  return 0;
}

async function token(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      aud: { type: 'string' },
      sub: { type: 'string' },
      'expires-in': { type: 'string' },
      claim: { type: 'string', multiple: true },
    },
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
    issuer: settings.issuer,
    audience: values.aud ?? settings.audience,
    subject: values.sub ?? settings.subject,
    expiresInSeconds: expiresIn,
    claims: parseClaims(values.claim ?? []),
    keyDirectory: settings.keyDirectory,
  });
  process.stdout.write(`${jwt}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof GatewayLoadError ||
      error instanceof PortInUseError ||
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`apim-gateway: ${(error as Error).message}\n`);
      if (error instanceof UsageError) process.stderr.write(USAGE);
    } else {
      process.stderr.write(
        `apim-gateway: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
    process.exitCode = 1;
  },
);
