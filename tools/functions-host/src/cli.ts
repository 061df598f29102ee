import { bundleCommand } from './cli/bundle-command.js';
import { EXIT_PORT_IN_USE, parseCliArgs, UsageError } from './cli/parse-cli-args.js';
import { PortInUseError } from './cli/port-in-use-error.js';
import { serveCommand } from './cli/serve-command.js';
import { startCommand } from './cli/start-command.js';
import { StartupError } from './startup/startup-error.js';

const USAGE = `Usage (from the workspace root): npx tsx --conditions=@cookbook/source tools/functions-host/src/cli.ts <command> <appDir> [options]

Commands:
  start <appDir>    Run the app like "func start" (the app must be built: package.json "main")
  bundle <appDir>   Bundle src/main.ts into the file named by "main" (esbuild, + source map)
  serve <appDir>    bundle + start, rebuilding and restarting on changes (recipe and libs)

Options:
  --port <n>             Port (default 7071, like func start; 0 = any free port)
  --host <addr>          Interface to listen on (default 127.0.0.1)
  --auth                 Enforce authLevel and keys like Azure (keys: <appDir>/.local-keys.json)
  --drain-timeout <s>    On SIGINT/SIGTERM, how long in-flight requests may finish (default 30)
  --func                 serve: run Core Tools "func start" instead of the local host
  --external <pkg>       bundle/serve: keep another package out of the bundle (repeatable)

Exit codes: 0 stopped by a signal, 1 error, ${EXIT_PORT_IN_USE} port in use.
`;

async function main(argv: string[]): Promise<void> {
  const args = parseCliArgs(argv);
  const { command, appDir } = args;
  if (args.help || !command || !appDir) {
    process.stdout.write(USAGE);
    process.exitCode = args.help ? 0 : 1;
    return;
  }
  if (command === 'start') await startCommand({ ...args, appDir });
  else if (command === 'bundle') await bundleCommand(appDir, args.external);
  else if (command === 'serve') await serveCommand({ ...args, appDir });
  else throw new UsageError(`Unknown command "${command}".`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const prefix =
    error instanceof StartupError
      ? 'The host did not start: '
      : error instanceof PortInUseError
        ? ''
        : 'Error: ';
  process.stderr.write(`${prefix}${message}\n${error instanceof UsageError ? `\n${USAGE}` : ''}`);
  process.exit(error instanceof PortInUseError ? EXIT_PORT_IN_USE : 1);
});
