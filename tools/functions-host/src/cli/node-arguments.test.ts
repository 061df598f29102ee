import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { missingNodeArguments, readNodeArguments, splitNodeArguments } from './node-arguments.js';

const FLAG = '--experimental-async-context-frame';

function appWithSettings(values: Record<string, string> | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'node-arguments-app-'));
  if (values) writeFileSync(join(dir, 'local.settings.json'), JSON.stringify({ Values: values }));
  return dir;
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('languageWorkers:node:arguments, as the Functions host reads it', () => {
  it('splits on any whitespace run like Regex.Split(value, @"\\s+") and drops empty parts', () => {
    expect(splitNodeArguments(`  ${FLAG}\t --max-old-space-size=1272 \n`, {})).toEqual([
      FLAG,
      '--max-old-space-size=1272',
    ]);
    expect(splitNodeArguments('   ', {})).toEqual([]);
  });

  it('expands %NAME% from the environment and removes unset ones (DefaultWorkerProcessFactory)', () => {
    expect(splitNodeArguments('--inspect=%PORT% --title=%UNSET%x', { PORT: '5689' })).toEqual([
      '--inspect=5689',
      '--title=x',
    ]);
  });

  it('reads local.settings.json Values, under either spelling and any letter case', async () => {
    const linux = appWithSettings({ languageWorkers__node__arguments: FLAG });
    const windows = appWithSettings({ 'LanguageWorkers:Node:Arguments': `${FLAG} --no-warnings` });
    dirs.push(linux, windows);
    expect(await readNodeArguments(linux, {})).toEqual([FLAG]);
    expect(await readNodeArguments(windows, {})).toEqual([FLAG, '--no-warnings']);
  });

  it('lets a real environment variable win over local.settings.json, like Core Tools', async () => {
    const dir = appWithSettings({ languageWorkers__node__arguments: FLAG });
    dirs.push(dir);
    expect(
      await readNodeArguments(dir, { languageWorkers__node__arguments: '--no-warnings' }),
    ).toEqual(['--no-warnings']);
  });

  it('is empty without the setting or without local.settings.json', async () => {
    const none = appWithSettings({ LOG_LEVEL: 'info' });
    const missing = appWithSettings(undefined);
    dirs.push(none, missing);
    expect(await readNodeArguments(none, {})).toEqual([]);
    expect(await readNodeArguments(missing, {})).toEqual([]);
  });

  it('names only the arguments this process lacks', () => {
    expect(missingNodeArguments([FLAG, '--no-warnings'], ['--no-warnings'])).toEqual([FLAG]);
  });
});

// An app whose one function answers with the Node arguments of the process it runs in.
function execArgvApp(settingValue: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'node-arguments-cli-'));
  dirs.push(dir);
  // The whole folder: the library's own dependencies (cookie) resolve even if the path is not realpathed.
  symlinkSync(
    fileURLToPath(new URL('../../../../node_modules', import.meta.url)),
    join(dir, 'node_modules'),
    'dir',
  );
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'argv-app', main: 'main.js' }));
  writeFileSync(join(dir, 'host.json'), JSON.stringify({ version: '2.0' }));
  writeFileSync(
    join(dir, 'local.settings.json'),
    JSON.stringify({ Values: { languageWorkers__node__arguments: settingValue } }),
  );
  writeFileSync(
    join(dir, 'main.js'),
    `const { app } = require('@azure/functions');
app.http('argv', { methods: ['GET'], authLevel: 'anonymous', handler: () => ({ jsonBody: process.execArgv }) });
`,
  );
  return dir;
}

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('cli start with languageWorkers__node__arguments in local.settings.json', () => {
  it('runs the app in a Node process started with them, and stops it on SIGTERM', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['languageWorkers__node__arguments'];
    const child = spawn(
      process.execPath,
      [
        '--conditions=@cookbook/source',
        '--import',
        'tsx',
        cli,
        'start',
        execArgvApp(`${FLAG}  --no-warnings`),
        '--port',
        '0',
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let url: string | undefined;
    for (let i = 0; i < 400 && !url; i += 1) {
      url = /Host listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!url) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(url, output).toBeDefined();
    const execArgv = (await (await fetch(`${url}/api/argv`)).json()) as string[];
    expect(execArgv.slice(0, 2)).toEqual([FLAG, '--no-warnings']);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    // the relaunched host stopped with its parent: the port is free again
    await expect(fetch(`${url}/api/argv`)).rejects.toThrow();
  }, 30_000);
});
