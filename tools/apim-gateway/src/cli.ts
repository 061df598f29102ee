import { fileURLToPath } from 'node:url';

import { devIssuerCommand } from './cli/dev-issuer-command.js';
import { stackCommand } from './cli/stack-command.js';
import { startCommand } from './cli/start-command.js';
import { tokenCommand } from './cli/token-command.js';
import { UsageError } from './cli/usage-error.js';
import { PortInUseError } from './gateway/listen.js';
import { GatewayLoadError } from './xml/load-error.js';

const USAGE = `Local Azure API Management gateway

Usage (paths relative to where you run it):
  tsx <this cli.ts> start --config <local-gateway.json> [--port 8080] [--host 127.0.0.1]
                          [--backend <id>=<url>]... [--service-url <url>] [--drain-timeout 10]
                          [--max-request-body 10]   (MiB; streamed and buffered request bodies)
  tsx <this cli.ts> stack --config <local-gateway.json> --host-command "<serves the app; gets --port>"
                          [--port 7071] [--gateway-port 8080] [--host 127.0.0.1] [--drain-timeout 10]
                          [--max-request-body 10]
  tsx <this cli.ts> token [--config <local-gateway.json>] [--issuer <iss>] [--aud <audience>]
                          [--sub <subject>] [--expires-in <seconds>] [--claim name=value]...
  tsx <this cli.ts> dev-issuer [--port 7400] [--issuer <iss>]   (the dev OIDC issuer on its own)

Environment: APIM_GATEWAY_PORT (gateway port), FUNCTIONS_PORT (stack: Functions host port);
flags win over the environment, which wins over the defaults.
`;

const CLI_FILE = fileURLToPath(import.meta.url);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'start') return startCommand(rest, CLI_FILE);
  if (command === 'stack') return stackCommand(rest, CLI_FILE);
  if (command === 'token') return tokenCommand(rest);
  if (command === 'dev-issuer') return devIssuerCommand(rest);
  process.stderr.write(USAGE);
  return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known =
      error instanceof GatewayLoadError ||
      error instanceof PortInUseError ||
      error instanceof UsageError;
    process.stderr.write(
      `apim-gateway: ${known ? '' : 'unexpected error: '}${error instanceof Error ? error.message : String(error)}\n`,
    );
    if (error instanceof UsageError) process.stderr.write(USAGE);
    process.exitCode = 1;
  },
);
