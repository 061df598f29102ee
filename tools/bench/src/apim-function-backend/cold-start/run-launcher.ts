import { type ChildProcess, spawn } from 'node:child_process';
import { get } from 'node:http';
import { createInterface, type Interface } from 'node:readline';

import { benchChildEnv, ITEM_ID } from '../bench-settings.js';

/** A launched host process: its first line, then one JSON line per `report` request. */
export interface LaunchedHost {
  readonly spawnedAt: number;
  readonly ready: { port: number; hostReadyMs: number; readyAt: number };
  request(line: string): Promise<unknown>;
  stop(): Promise<void>;
}

function nextLine(lines: Interface, child: ChildProcess): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`host exited with ${code}`));
    child.once('exit', onExit);
    lines.once('line', (line) => {
      child.off('exit', onExit);
      resolveLine(line);
    });
  });
}

/** Starts `node launcher.mjs <appDir>` without telemetry settings and waits until it listens. */
export async function launchHost(
  launcher: string,
  appDir: string,
  flags: readonly string[] = [],
): Promise<LaunchedHost> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [launcher, appDir, ...flags], {
    cwd: appDir,
    env: benchChildEnv(),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const first = JSON.parse(await nextLine(lines, child)) as { port: number; hostReadyMs: number };
  const ready = { ...first, readyAt: performance.now() };
  return {
    spawnedAt,
    ready,
    async request(line) {
      const reply = nextLine(lines, child);
      child.stdin.write(`${line}\n`);
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
