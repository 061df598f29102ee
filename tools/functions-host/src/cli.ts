import { parseArgs } from 'node:util';

import { bundleCommand } from './cli/bundle-command.js';
import { serveCommand } from './cli/serve-command.js';
import { startCommand } from './cli/start-command.js';
import { StartupError } from './startup/startup-error.js';

const USAGE = `Usage: tsx tools/functions-host/src/cli.ts <command> <appDir> [options]

Commands:
  start <appDir>    Run the app like "func start" (the app must be built: package.json "main")
  bundle <appDir>   Bundle src/main.ts into the file named by "main" (esbuild, + source map)
  serve <appDir>    bundle + start, rebuilding and restarting on changes (recipe and libs)

Options:
  --port <n>        Port (default 7071)
  --host <addr>     Interface to listen on (default 127.0.0.1)
  --auth            Enforce authLevel and keys like Azure (keys: <appDir>/.local-keys.json)
  --func            serve: run Core Tools "func start" instead of the local host
  --external <pkg>  bundle/serve: keep another package out of the bundle (repeatable)
`;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '7071' },
      host: { type: 'string', default: '127.0.0.1' },
      auth: { type: 'boolean', default: false },
      func: { type: 'boolean', default: false },
      external: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, appDir] = positionals;
  if (values.help || !command || !appDir) {
    process.stdout.write(USAGE);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got "${values.port}".`);
  const common = { appDir, port, hostname: values.host, auth: values.auth };
  if (command === 'start') await startCommand(common);
  else if (command === 'bundle') await bundleCommand(appDir, values.external);
  else if (command === 'serve')
    await serveCommand({ ...common, func: values.func, external: values.external });
  else throw new Error(`Unknown command "${command}".\n\n${USAGE}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message =
    error instanceof StartupError || error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `${error instanceof StartupError ? 'The host did not start: ' : 'Error: '}${message}\n`,
  );
  process.exit(1);
});
