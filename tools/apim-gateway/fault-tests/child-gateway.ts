import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { GatewayConfigInput } from '../src/config/gateway-config-schema.js';
import { CLI, TSX } from '../test-fixtures/cli-process.js';

const PROBE = resolve(import.meta.dirname, 'memory-probe.ts');
const OPENAPI = resolve(import.meta.dirname, '../test-fixtures/catalog-openapi.json');

export const KEY = 'fault-subscription-key';

export interface GatewayMemory {
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
}

export interface ChildGatewayOptions {
  backendUrl: string;
  /** API-scope policy XML (default: none, i.e. forward to the backend). */
  apiPolicy?: string;
  limits?: GatewayConfigInput['limits'];
  subscriptions?: number;
  /** More `start` flags (e.g. --max-request-body 1024). */
  args?: string[];
}

export interface ChildGateway {
  port: number;
  url: string;
  child: ChildProcess;
  output(): string;
  /** Full GC in the gateway process, then its memory. */
  memory(): Promise<GatewayMemory>;
  exit(): Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * The real CLI (`start`) in its own process with --expose-gc, so a crash is a real exit, SIGTERM a
 * real signal and memory the gateway's alone. Config and dev key live in a temp folder.
 */
export async function startChildGateway(options: ChildGatewayOptions): Promise<ChildGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'apim-gateway-fault-'));
  const config: GatewayConfigInput = {
    api: {
      path: 'api',
      openapi: OPENAPI,
      serviceUrl: options.backendUrl,
      ...(options.apiPolicy ? { policies: { api: 'api-policy.xml' } } : {}),
    },
    subscriptions: [
      { id: 'fault', key: KEY },
      ...Array.from({ length: options.subscriptions ?? 0 }, (_, i) => ({
        id: `s${i}`,
        key: `key-${i}`,
      })),
    ],
    ...(options.limits ? { limits: options.limits } : {}),
  };
  writeFileSync(join(dir, 'local-gateway.json'), JSON.stringify(config));
  if (options.apiPolicy) writeFileSync(join(dir, 'api-policy.xml'), options.apiPolicy);
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      TSX,
      '--import',
      PROBE,
      CLI,
      'start',
      '--config',
      'local-gateway.json',
      '--port',
      '0',
      ...(options.args ?? []),
    ],
    {
      cwd: dir,
      env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => {
      rmSync(dir, { recursive: true, force: true });
      resolveExit(code);
    }),
  );
  const port = await new Promise<number>((resolvePort, reject) => {
    const check = setInterval(() => {
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearInterval(check);
        resolvePort(Number(match[1]));
      } else if (child.exitCode !== null) {
        clearInterval(check);
        reject(new Error(`The gateway did not start:\n${output}`));
      }
    }, 25);
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    memory: () =>
      new Promise((resolveMemory) => {
        const onMessage = (message: unknown): void => {
          const reply = message as { type?: string } & GatewayMemory;
          if (reply.type !== 'memory') return;
          child.off('message', onMessage);
          resolveMemory(reply);
        };
        child.on('message', onMessage);
        child.send('memory');
      }),
    exit: () => exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
