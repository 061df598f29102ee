import { createLocalHost } from '../host/create-local-host.js';
import { formatBanner } from '../host/format-banner.js';
import { startHostServer } from '../server/start-host-server.js';
import { missingNodeArguments, readNodeArguments } from './node-arguments.js';
import type { CliArgs } from './parse-cli-args.js';
import { portInUseError } from './port-in-use-error.js';
import { RELAUNCHED_ENV, relaunchWithNodeArguments } from './relaunch-with-node-arguments.js';

/**
 * `start`: runs the app like `func start`. SIGINT/SIGTERM stop it gracefully: no new
 * connections, in-flight requests finish (up to --drain-timeout), appTerminate hooks run, exit 0.
 * A second signal exits at once.
 */
export async function startCommand(
  args: CliArgs & { appDir: string },
  cliArgs: readonly string[] = process.argv.slice(2),
): Promise<void> {
  // The app runs in this process: it needs the Node arguments Azure gives the worker process.
  const nodeArguments = await readNodeArguments(args.appDir);
  const relaunched = process.env[RELAUNCHED_ENV] !== undefined;
  if (!relaunched && missingNodeArguments(nodeArguments).length > 0) {
    process.exitCode = await relaunchWithNodeArguments(nodeArguments, cliArgs);
    return;
  }
  process.setSourceMapsEnabled(true);
  const host = await createLocalHost(args.appDir, { auth: args.auth });
  let server;
  try {
    server = await startHostServer(host, {
      port: args.port,
      hostname: args.hostname,
      drainTimeoutMs: args.drainTimeoutMs,
    });
  } catch (error) {
    await host.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw await portInUseError(args);
    throw error;
  }
  const shownHost = ['127.0.0.1', '::', '0.0.0.0'].includes(args.hostname)
    ? 'localhost'
    : args.hostname;
  process.stdout.write(
    formatBanner(host.functions, `http://${shownHost}:${server.port}`, host.keys),
  );
  process.stdout.write(`Host listening on ${server.url} (Ctrl+C to stop)\n`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stdout.write(`Received ${signal} again: exiting now.\n`);
      process.exit(130);
    }
    stopping = true;
    const inFlight = server.inFlight();
    process.stdout.write(
      `Received ${signal}: no longer accepting connections${
        inFlight > 0
          ? `; waiting up to ${args.drainTimeoutMs / 1000} s for ${inFlight} in-flight request(s)`
          : ''
      }...\n`,
    );
    void server
      .close({ drainTimeoutMs: args.drainTimeoutMs })
      .then(({ abandoned }) => {
        if (abandoned > 0) {
          process.stdout.write(
            `Drain timeout reached: closed ${abandoned} request(s) still in flight.\n`,
          );
        }
        return host.close();
      })
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`Error while stopping the host: ${(error as Error).message}\n`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (relaunched && process.channel) {
    // the process that relaunched us is gone (or let go): stop like on SIGTERM
    process.channel.unref();
    process.once('disconnect', () => stop('SIGTERM'));
  }
}
