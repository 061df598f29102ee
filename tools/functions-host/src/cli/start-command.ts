import { createLocalHost } from '../host/create-local-host.js';
import { formatBanner } from '../host/format-banner.js';
import { startHostServer } from '../server/start-host-server.js';

export interface StartOptions {
  appDir: string;
  port: number;
  hostname: string;
  auth: boolean;
}

/** `start`: runs the app like `func start` until SIGINT/SIGTERM, then runs appTerminate hooks. */
export async function startCommand(options: StartOptions): Promise<void> {
  process.setSourceMapsEnabled(true);
  const host = await createLocalHost(options.appDir, { auth: options.auth });
  let server;
  try {
    server = await startHostServer(host, { port: options.port, hostname: options.hostname });
  } catch (error) {
    await host.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE'
        ? `Port ${options.port} is in use. Stop the other process or pass --port <n>.`
        : (error as Error).message,
    );
  }
  const shownHost = ['127.0.0.1', '::', '0.0.0.0'].includes(options.hostname)
    ? 'localhost'
    : options.hostname;
  process.stdout.write(
    formatBanner(host.functions, `http://${shownHost}:${server.port}`, host.keys),
  );
  process.stdout.write(`Host listening on ${server.url} (Ctrl+C to stop)\n`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`Received ${signal}, stopping the host...\n`);
    void server
      .close()
      .then(() => host.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
