import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

const HOST_LOG = fileURLToPath(new URL('./host-log.ts', import.meta.url));
const QUEUE = fileURLToPath(new URL('./ordered-stdout.ts', import.meta.url));
const PRELUDE = [
  `const { consoleLogSink } = await import(${JSON.stringify(HOST_LOG)});`,
  `const { orderedStdout } = await import(${JSON.stringify(QUEUE)});`,
  `const sink = consoleLogSink('information');`,
  `const host = (message) => sink({ time: new Date(), level: 'information', category: 'host', message });`,
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'ordered-stdout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Target = 'file' | 'pipe';

/**
 * Runs `body` in a fresh Node process whose stdout AND stderr are one file or one pipe (like
 * `func start > log 2>&1` or a terminal), and returns what arrived there, in arrival order.
 */
function run(body: string, target: Target): { out: string; result: SpawnSyncReturns<Buffer> } {
  const args = [
    '--conditions=@cookbook/source',
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    `${PRELUDE}\n${body}`,
  ];
  if (target === 'pipe') {
    // The shell points stderr at the same pipe as stdout.
    const result = spawnSync('sh', ['-c', '"$0" "$@" 2>&1', process.execPath, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { out: result.stdout.toString(), result };
  }
  const file = join(dir, `out-${Math.random().toString(36).slice(2)}.log`);
  const fd = openSync(file, 'w');
  try {
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', fd, fd] });
    return { out: readFileSync(file, 'utf8'), result };
  } finally {
    closeSync(fd);
  }
}

const hostLine = (message: string): RegExp => new RegExp(`^\\[[^\\]]+\\] info: ${message}$`);

describe.each<Target>(['file', 'pipe'])('host console lines with stdout as a %s', (target) => {
  it('are queued off the request path, then printed in order with console.log, stdout and stderr writes', () => {
    const { out } = run(
      [
        `host('one');`,
        `const queued = orderedStdout().pending;`,
        `console.log('app console.log');`,
        `host('two');`,
        `process.stdout.write('app stdout.write\\n');`,
        `host('three');`,
        `console.error('app console.error');`,
        `host('four');`,
        `host('five');`,
        `setImmediate(() => console.log('queued before the first write: ' + queued));`,
      ].join('\n'),
      target,
    );
    expect(out.trimEnd().split('\n')).toEqual([
      expect.stringMatching(hostLine('one')),
      'app console.log',
      expect.stringMatching(hostLine('two')),
      'app stdout.write',
      expect.stringMatching(hostLine('three')),
      'app console.error',
      expect.stringMatching(hostLine('four')),
      expect.stringMatching(hostLine('five')),
      'queued before the first write: 1',
    ]);
  });

  it('are all printed when the app calls process.exit() with lines still queued', () => {
    const { out, result } = run(
      `for (let i = 0; i < 3000; i += 1) host('line ' + i);\nprocess.exit(3);`,
      target,
    );
    expect(result.status).toBe(3);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3000);
    expect(lines.at(-1)).toMatch(hostLine('line 2999'));
  });

  it('are printed when the process ends on its own with lines still queued', () => {
    const { out, result } = run(`host('last words');`, target);
    expect(result.status).toBe(0);
    expect(out).toMatch(/info: last words\n$/);
  });

  it('come before the stack trace of an uncaught exception', () => {
    const { out, result } = run(`host('before the crash');\nthrow new Error('boom');`, target);
    expect(result.status).toBe(1);
    expect(out.split('\n')[0]).toMatch(hostLine('before the crash'));
    expect(out).toContain('Error: boom');
  });

  it('survive SIGTERM, which still ends the process when nothing else listens for it', () => {
    const { out, result } = run(
      `host('before the signal');\nprocess.kill(process.pid, 'SIGTERM');\nsetTimeout(() => console.log('still alive'), 2000);`,
      target,
    );
    // Killed by the signal (through `sh`, the shell reports it as status 128 + 15).
    expect(result.signal === 'SIGTERM' || result.status === 143).toBe(true);
    expect(out.split('\n')[0]).toMatch(hostLine('before the signal'));
    expect(out).not.toContain('still alive');
  });

  it('come before the output of the app’s own SIGINT handler, which keeps control of the exit', () => {
    const { out, result } = run(
      [
        `process.on('SIGINT', () => { console.log('draining'); process.exit(0); });`,
        `host('before the signal');`,
        `process.kill(process.pid, 'SIGINT');`,
        `setTimeout(() => undefined, 2000);`,
      ].join('\n'),
      target,
    );
    expect(result.status).toBe(0);
    expect(out.trimEnd().split('\n')).toEqual([
      expect.stringMatching(hostLine('before the signal')),
      'draining',
    ]);
  });
});

describe('host console lines from a handler logging in a tight synchronous loop', () => {
  it('are written once 16,384 are queued, so the queue stays bounded, and all arrive in order', () => {
    const { out } = run(
      [
        `for (let i = 0; i < 20000; i += 1) host('line ' + i);`,
        `const queued = orderedStdout().pending;`,
        `setTimeout(() => console.log('queued after the loop: ' + queued), 20);`,
      ].join('\n'),
      'pipe',
    );
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(20001);
    expect(lines[16384]).toMatch(hostLine('line 16384'));
    expect(lines[19999]).toMatch(hostLine('line 19999'));
    expect(lines[20000]).toBe('queued after the loop: 3616');
  });
});

describe('host console lines when stdout.write was replaced (a test spy, a log capture)', () => {
  it('go through the replacement at once, in order', () => {
    const { out } = run(
      [
        `const seen = [];`,
        `const original = process.stdout.write;`,
        `process.stdout.write = (text) => { seen.push(String(text)); return true; };`,
        `host('one');`,
        `seen.push('pending ' + orderedStdout().pending + '\\n');`,
        `console.log('app');`,
        `host('two');`,
        `process.stdout.write = original;`,
        `process.stdout.write(seen.join(''));`,
      ].join('\n'),
      'pipe',
    );
    expect(out.trimEnd().split('\n')).toEqual([
      expect.stringMatching(hostLine('one')),
      'pending 0',
      'app',
      expect.stringMatching(hostLine('two')),
    ]);
  });
});
