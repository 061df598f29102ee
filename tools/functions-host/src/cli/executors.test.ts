import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const executors = join(import.meta.dirname, '../../executors');
const { toFlags } = require(join(executors, 'run-cli.cjs')) as {
  toFlags(options: Record<string, unknown>, names: string[]): string[];
};
type Executor = (
  options: Record<string, unknown>,
  context: unknown,
) => Promise<{ success: boolean }>;

describe('Nx executors (recipes name @cookbook/functions-host:bundle|serve|start, not a path)', () => {
  it('turn options into CLI flags: a passed --port replaces the default instead of adding a second one', () => {
    expect(
      toFlags({ port: 17320, auth: true, func: false, drainTimeout: 5, external: ['a', 'b'] }, [
        'port',
        'auth',
        'func',
        'drainTimeout',
        'external',
      ]),
    ).toEqual([
      '--port',
      '17320',
      '--auth',
      '--drain-timeout',
      '5',
      '--external',
      'a',
      '--external',
      'b',
    ]);
  });

  it('every executor declared in executors.json exists with a schema', () => {
    const declared = JSON.parse(readFileSync(join(executors, '../executors.json'), 'utf8')) as {
      executors: Record<string, { implementation: string; schema: string }>;
    };
    for (const { implementation, schema } of Object.values(declared.executors)) {
      expect(existsSync(join(executors, '..', implementation))).toBe(true);
      expect(existsSync(join(executors, '..', schema))).toBe(true);
    }
  });

  it('bundle builds the app into the file package.json "main" names and reports success', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'executor-bundle-'));
    try {
      mkdirSync(join(workspace, 'app/src'), { recursive: true });
      writeFileSync(join(workspace, 'app/package.json'), '{"type":"module","main":"dist/main.js"}');
      writeFileSync(join(workspace, 'app/src/main.ts'), "export const greeting: string = 'hi';\n");
      const bundle = require(join(executors, 'bundle.cjs')) as Executor;
      const context = {
        root: workspace,
        projectName: 'app',
        projectsConfigurations: { projects: { app: { root: 'app' } } },
      };
      expect(await bundle({}, context)).toEqual({ success: true });
      expect(existsSync(join(workspace, 'app/dist/main.js'))).toBe(true);
      rmSync(join(workspace, 'app/src/main.ts'));
      expect(await bundle({}, context)).toEqual({ success: false });
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
