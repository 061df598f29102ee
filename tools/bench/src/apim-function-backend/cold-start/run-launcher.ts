import { type ChildProcess, spawn } from 'node:child_process';
import { get } from 'node:http';
import { createInterface } from 'node:readline';

import { benchChildEnv, ITEM_ID } from '../bench-settings.js';
import { LAUNCHER_LINE_PREFIX } from './launcher-protocol.js';

/** A launched host process: its first line, then one JSON line per `report` request. */
export interface LaunchedHost {
  readonly spawnedAt: number;
  readonly ready: { port: number; hostReadyMs: number; hostReadyCpuMs: number; readyAt: number };
  /** Lines the app itself wrote to stdout (its log lines), so far. */
  readonly appOutput: string[];
  request(line: string): Promise<unknown>;
  stop(): Promise<void>;
}

/** Waits for the launcher's next prefixed line; other stdout lines go to `appOutput`. */
function launcherLines(child: ChildProcess, appOutput: string[]): () => Promise<string> {
  const pending: string[] = [];
  const waiting: { resolve(line: string): void; reject(error: Error): void }[] = [];
  const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
  lines.on('line', (line) => {
    if (!line.startsWith(LAUNCHER_LINE_PREFIX)) {
      appOutput.push(line);
      return;
    }
    const body = line.slice(LAUNCHER_LINE_PREFIX.length);
    const next = waiting.shift();
    if (next) next.resolve(body);
    else pending.push(body);
  });
  child.once('exit', (code) => {
    for (const next of waiting.splice(0)) next.reject(new Error(`host exited with ${code}`));
  });
  return () => {
    const line = pending.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (child.exitCode !== null) {
      return Promise.reject(new Error(`host exited with ${child.exitCode}`));
    }
    return new Promise((resolveLine, reject) => waiting.push({ resolve: resolveLine, reject }));
  };
}

/**
 * Starts `node [nodeArguments] launcher.mjs <appDir>` (telemetry settings removed, then `env`
 * added) and waits until it listens.
 */
export async function launchHost(
  launcher: string,
  appDir: string,
  flags: readonly string[] = [],
  env: Record<string, string> = {},
  nodeArguments: readonly string[] = [],
): Promise<LaunchedHost> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...nodeArguments, launcher, appDir, ...flags], {
    cwd: appDir,
    env: { ...benchChildEnv(), ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const appOutput: string[] = [];
  const nextLine = launcherLines(child, appOutput);
  const first = JSON.parse(await nextLine()) as {
    port: number;
    hostReadyMs: number;
    hostReadyCpuMs: number;
  };
  const ready = { ...first, readyAt: performance.now() };
  return {
    spawnedAt,
    ready,
    appOutput,
    async request(line) {
      const reply = nextLine();
      child.stdin?.write(`${line}\n`);
      return JSON.parse(await reply) as unknown;
    },
    stop: () =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGKILL');
      }),
  };
}

/** GET /api/catalog/42 on a fresh connection; resolves with the status once the body is read. */
export function getCatalogItem(port: number): Promise<number> {
  return new Promise((resolveStatus, reject) => {
    const request = get(
      { host: '127.0.0.1', port, path: `/api/catalog/${ITEM_ID}`, agent: false },
      (response) => {
        response.resume();
        response.on('end', () => resolveStatus(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
  });
}
