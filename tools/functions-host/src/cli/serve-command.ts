import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { watch } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { watchApp } from '../bundle/bundle-app.js';
import { execArgvFromAnywhere } from './exec-argv.js';
import { readNodeArguments } from './node-arguments.js';
import { type CliArgs, EXIT_PORT_IN_USE } from './parse-cli-args.js';
import { isPortFree } from './port-check.js';
import { portInUseError } from './port-in-use-error.js';

const CLI_PATH = fileURLToPath(new URL('../cli.ts', import.meta.url));

/**
 * `serve`: bundle, run the host (or `func start` with --func) in a child process, and rebuild +
 * restart whenever the recipe, a workspace lib it imports, or its host settings change. It exits
 * non-zero when it cannot do its job at all: no Core Tools for --func, or the port is taken.
 */
export async function serveCommand(args: CliArgs & { appDir: string }): Promise<void> {
  const appDir = resolve(args.appDir);
  if (args.func && spawnSync('func', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(
      '--func needs Azure Functions Core Tools ("func") on PATH. Install them (npm install --global azure-functions-core-tools@4) or serve without --func: the local host needs no Core Tools.',
    );
  }
  if (args.port !== 0 && !(await isPortFree(args.port, args.hostname))) {
    throw await portInUseError(args);
  }
  let child: ChildProcess | undefined;
  let restarting: Promise<void> = Promise.resolve();
  let stopping = false;

  // Core Tools (--func) applies languageWorkers__node__arguments itself; the local host is given
  // them on its Node command line, read again on each start (local.settings.json may change).
  const startChild = (nodeArguments: readonly string[]): ChildProcess => {
    const command = args.func ? 'func' : process.execPath;
    const childArgs = args.func
      ? ['start', '--port', String(args.port)]
      : [
          ...nodeArguments,
          ...execArgvFromAnywhere(),
          CLI_PATH,
          'start',
          appDir,
          '--port',
          String(args.port),
          '--host',
          args.hostname,
          '--drain-timeout',
          String(args.drainTimeoutMs / 1000),
          ...(args.auth ? ['--auth'] : []),
        ];
    const started = spawn(command, childArgs, { cwd: appDir, stdio: 'inherit' });
    started.once('exit', (code) => {
      if (stopping || child !== started) return;
      // A taken port (or a failing `func`) will not fix itself on the next build: stop serving.
      if (code === EXIT_PORT_IN_USE || (args.func && code !== 0)) shutdown(code ?? 1);
      else if (code !== 0) {
        process.stderr.write(
          `[serve] the host exited with code ${code}; fix the error above and save: the next good build restarts it.\n`,
        );
      }
    });
    return started;
  };
  const stopChild = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((done) => {
      running.once('exit', () => done());
      running.kill('SIGTERM');
    });
  };
  const restart = (reason: string): void => {
    restarting = restarting.then(async () => {
      if (stopping) return;
      if (child) process.stdout.write(`\n[serve] ${reason}: restarting the host\n`);
      await stopChild();
      const nodeArguments = args.func ? [] : await readNodeArguments(appDir);
      if (!stopping) child = startChild(nodeArguments);
    });
  };

  const bundler = await watchApp(appDir, { external: args.external }, ({ errors, durationMs }) => {
    if (errors.length > 0) {
      process.stderr.write(
        `[serve] build failed, keeping the last good host running:\n${errors.join('\n')}\n`,
      );
      return;
    }
    process.stdout.write(`[serve] bundle ready (${durationMs} ms)\n`);
    restart('rebuilt');
  });
  const settingsWatcher = watch(appDir, (_event, file) => {
    if (file && ['host.json', 'local.settings.json', 'package.json'].includes(file)) {
      restart(`${join(file)} changed`);
    }
  });

  const shutdown = (code: number): void => {
    if (stopping) return;
    stopping = true;
    settingsWatcher.close();
    void bundler
      .dispose()
      .then(() => restarting)
      .then(stopChild)
      .finally(() => process.exit(code));
  };
  process.once('SIGINT', () => shutdown(0));
  process.once('SIGTERM', () => shutdown(0));
}
