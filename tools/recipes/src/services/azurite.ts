import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { LocalService, RunningService } from './local-service.js';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const READY_TIMEOUT_MS = 60_000;
// Azurite exits when its stdin closes, i.e. when this process dies, even by SIGKILL.
const EXIT_WITH_PARENT =
  "data:text/javascript,process.stdin.on('end',()=>process.exit(0)).on('error',()=>{}).resume()";

/** The `AzureWebJobsStorage` connection string for Azurite's table service on `port`. */
export function azuriteConnectionString(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
    `TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function waitUntilListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      reject(new Error(`Azurite did not start within ${READY_TIMEOUT_MS / 1000} s: ${output}`));
    }, READY_TIMEOUT_MS);
    const settle = (error?: Error): void => {
      clearTimeout(timer);
      child.stdout?.removeAllListeners('data');
      child.removeAllListeners('exit');
      if (error) reject(error);
      else resolve();
    };
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-2000);
      if (output.includes('successfully started')) settle();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on(
      'data',
      (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-2000)),
    );
    child.once('exit', (code) =>
      settle(new Error(`Azurite exited with ${code}: ${output.trim()}`)),
    );
  });
}

/**
 * Starts Azurite's table service on a free loopback port, in memory, in a temp working folder
 * (Azurite writes beside its cwd otherwise), without telemetry or access/debug logs.
 */
export async function startAzuriteTables(): Promise<{ port: number; close(): Promise<void> }> {
  const main = createRequire(import.meta.url).resolve('azurite/dist/src/table/main.js');
  const cwd = mkdtempSync(join(tmpdir(), 'azurite-'));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...['--import', EXIT_WITH_PARENT],
      main,
      ...['--tableHost', '127.0.0.1', '--tablePort', String(port)],
      '--inMemoryPersistence',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
    ],
    { cwd, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(cwd, { recursive: true, force: true });
  };
  try {
    await waitUntilListening(child);
  } catch (error) {
    await close();
    throw error;
  }
  // Nothing more to read; an unread pipe must not block the child.
  child.stdout?.resume();
  child.stderr?.resume();
  return { port, close };
}

/** Table Storage: Azurite's table service, as `AzureWebJobsStorage` (the function app's own account in Azure). */
export const azuriteService: LocalService = {
  description: "Azure Table Storage: Azurite's table service (in memory, loopback)",
  async start(): Promise<RunningService> {
    const running = await startAzuriteTables();
    return {
      env: { AzureWebJobsStorage: azuriteConnectionString(running.port) },
      close: running.close,
    };
  },
};
