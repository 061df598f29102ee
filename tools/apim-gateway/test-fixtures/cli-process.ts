import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const CLI = resolve(import.meta.dirname, '../src/cli.ts');
/** tsx's loader by URL, so the CLI runs from any folder (a temp dir has no node_modules). */
export const TSX: string = import.meta.resolve('tsx');

/** A port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export interface CliRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with stdout once it contains `text`; rejects if the process exits first. */
  waitFor(text: string | RegExp): Promise<string>;
  exited: Promise<number | null>;
}

/** Runs the gateway CLI through tsx, as `npx tsx` would. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliRun {
  const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => resolveExit(code)),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (text) =>
      new Promise((resolveText, reject) => {
        const check = (): void => {
          if (typeof text === 'string' ? out.includes(text) : text.test(out)) {
            child.stdout?.off('data', check);
            resolveText(out);
          }
        };
        child.stdout?.on('data', check);
        void exited.then((code) => reject(new Error(`cli exited with ${code}:\n${out}\n${err}`)));
        check();
      }),
  };
}
