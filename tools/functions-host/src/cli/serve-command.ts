import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { watch } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { watchApp } from '../bundle/bundle-app.js';

export interface ServeOptions {
  appDir: string;
  port: number;
  hostname: string;
  auth: boolean;
  func: boolean;
  external: string[];
}

const CLI_PATH = fileURLToPath(new URL('../cli.ts', import.meta.url));

/**
 * `serve`: bundle, run the host (or `func start` with --func) in a child process, and rebuild +
 * restart whenever the recipe, a workspace lib it imports, or its host settings change.
 */
export async function serveCommand(options: ServeOptions): Promise<void> {
  const appDir = resolve(options.appDir);
  if (options.func && spawnSync('func', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('--func needs Azure Functions Core Tools ("func") on PATH.');
  }
  let child: ChildProcess | undefined;
  let restarting: Promise<void> = Promise.resolve();

  const startChild = (): ChildProcess => {
    const command = options.func ? 'func' : process.execPath;
    const args = options.func
      ? ['start', '--port', String(options.port)]
      : [
          ...process.execArgv,
          CLI_PATH,
          'start',
          appDir,
          '--port',
          String(options.port),
          '--host',
          options.hostname,
          ...(options.auth ? ['--auth'] : []),
        ];
    return spawn(command, args, { cwd: appDir, stdio: 'inherit' });
  };
  const stopChild = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((done) => {
      running.once('exit', () => done());
      running.kill('SIGTERM');
    });
  };
  const restart = (reason: string): void => {
    restarting = restarting.then(async () => {
      if (child) process.stdout.write(`\n[serve] ${reason}: restarting the host\n`);
      await stopChild();
      child = startChild();
    });
  };

  const bundler = await watchApp(
    appDir,
    { external: options.external },
    ({ errors, durationMs }) => {
      if (errors.length > 0) {
        process.stderr.write(
          `[serve] build failed, keeping the last good host running:\n${errors.join('\n')}\n`,
        );
        return;
      }
      process.stdout.write(`[serve] bundle ready (${durationMs} ms)\n`);
      restart('rebuilt');
    },
  );
  const settingsWatcher = watch(appDir, (_event, file) => {
    if (file && ['host.json', 'local.settings.json', 'package.json'].includes(file)) {
      restart(`${join(file)} changed`);
    }
  });

  const shutdown = (): void => {
    settingsWatcher.close();
    void bundler
      .dispose()
      .then(() => restarting)
      .then(stopChild)
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
