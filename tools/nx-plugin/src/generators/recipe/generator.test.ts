import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { readJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import recipeGenerator from './generator.ts';

const workspaceRoot = resolve(import.meta.dirname, '../../../../..');

function treeWithRoot(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write(
    'package.json',
    JSON.stringify({ dependencies: { '@azure/functions': '4.16.5', zod: '4.6.7' } }),
  );
  return tree;
}

describe('nx g @cookbook/tools:recipe (in memory)', () => {
  it('writes a whole recipe: function, test, page, metadata, requests, settings, IaC and an e2e spec', async () => {
    const tree = treeWithRoot();
    await recipeGenerator(tree, {
      name: 'greet-people',
      summary: "Greets people by name, politely & 'quoted'.",
      skipFormat: true,
    });
    for (const file of [
      'package.json',
      'README.md',
      'host.json',
      'local.settings.example.json',
      'requests.http',
      'src/main.ts',
      'src/routes.ts',
      'src/functions/greet-people.ts',
      'src/functions/greet-people.test.ts',
      'scripts/write-openapi.ts',
      'infra/main.bicep',
      'infra/main.tf',
    ]) {
      expect(tree.exists(`apps/greet-people/${file}`), file).toBe(true);
    }
    expect(tree.exists('apps/e2e/src/specs/greet-people.local.spec.ts')).toBe(true);
    const pkg = readJson(tree, 'apps/greet-people/package.json');
    expect(pkg.cookbook).toMatchObject({
      title: 'Greet People',
      complexity: 'beginner',
      libs: ['http-kit', 'logging'],
    });
    expect(pkg.dependencies).toEqual({
      '@azure/functions': '4.16.5',
      '@cookbook/http-kit': '*',
      '@cookbook/logging': '*',
      zod: '4.6.7',
    });
    expect(pkg.nx.targets.build.executor).toBe('@cookbook/functions-host:bundle');
    const readme = tree.read('apps/greet-people/README.md', 'utf8') ?? '';
    expect(readme).toContain("Greets people by name, politely & 'quoted'.");
    expect(readme).toContain(
      'Trigger: HTTP | Guarantee: stateless; every input gets a 2xx or a 4xx, never a 500 | Complexity: beginner',
    );
    expect(tree.read('apps/greet-people/src/routes.ts', 'utf8')).toContain(
      `"Greets people by name, politely & 'quoted'."`,
    );
    expect(tree.read('apps/greet-people/src/functions/greet-people.ts', 'utf8')).toContain(
      'export const greetPeople = defineRoute',
    );
  });

  it('writes the raw v4 API flavour without http-kit', async () => {
    const tree = treeWithRoot();
    await recipeGenerator(tree, {
      name: 'plain',
      summary: 'Plain.',
      httpKit: false,
      complexity: 'advanced',
      skipFormat: true,
    });
    expect(tree.exists('apps/plain/src/routes.ts')).toBe(false);
    expect(readJson(tree, 'apps/plain/package.json').dependencies).toEqual({
      '@azure/functions': '4.16.5',
    });
    expect(tree.read('apps/plain/src/main.ts', 'utf8')).toContain("app.http('plain'");
  });

  it('refuses a bad name or an existing folder, naming why', async () => {
    const tree = treeWithRoot();
    await expect(recipeGenerator(tree, { name: 'Bad_Name', summary: 'x' })).rejects.toThrow(
      'lower-case words joined by -',
    );
    tree.write('apps/taken/package.json', '{}');
    await expect(recipeGenerator(tree, { name: 'taken', summary: 'x' })).rejects.toThrow(
      'apps/taken already exists',
    );
  });
});

describe('a generated recipe passes every check unchanged (in a copy of the workspace)', () => {
  let copy = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NX_DAEMON: 'false',
    NX_SKIP_NX_CACHE: 'true',
    NX_TUI: 'false',
    NX_NO_CLOUD: 'true',
    CI: 'true',
  };
  const run = (command: string, args: string[], options: ExecFileSyncOptions = {}): string =>
    execFileSync(command, args, {
      cwd: copy,
      env,
      encoding: 'utf8',
      stdio: 'pipe',
      ...options,
    }).toString();

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'recipe-generator-'));
    env.NX_WORKSPACE_DATA_DIRECTORY = join(copy, '.nx-data');
    env.NX_CACHE_DIRECTORY = join(copy, '.nx-cache');
    const tracked = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      {
        cwd: workspaceRoot,
        encoding: 'utf8',
      },
    )
      .split('\0')
      .filter(Boolean);
    for (const file of tracked) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(join(workspaceRoot, file), join(copy, file), {
        dereference: false,
        errorOnExist: false,
        force: true,
      });
    }
    // packages come from the real install; workspace links and bins stay relative, so they point into the copy
    mkdirSync(join(copy, 'node_modules'));
    for (const entry of readdirSync(join(workspaceRoot, 'node_modules'))) {
      const from = join(workspaceRoot, 'node_modules', entry);
      if (entry === '@cookbook' || entry === '.bin')
        cpSync(from, join(copy, 'node_modules', entry), {
          recursive: true,
          verbatimSymlinks: true,
        });
      else symlinkSync(from, join(copy, 'node_modules', entry));
    }
    run('npx', [
      'nx',
      'g',
      '@cookbook/tools:recipe',
      'gen-probe',
      '--summary=A generated probe.',
      '--no-interactive',
      '--skipInstall',
    ]);
    run('npx', ['nx', 'sync']);
    run('npx', ['nx', 'run', 'recipes:readme-table']);
  }, 600_000);
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('lints, typechecks, tests and builds', () => {
    expect(() =>
      run('npx', [
        'nx',
        'run-many',
        '-t',
        'lint',
        'typecheck',
        'test',
        'build',
        '-p',
        'gen-probe',
        '--outputStyle=static',
      ]),
    ).not.toThrow();
  });

  it('keeps the recipe contract, the README table and its Expected Output', () => {
    run('npx', [
      'nx',
      'run-many',
      '-t',
      'build',
      '--projects=tag:type:recipe',
      '--outputStyle=static',
    ]);
    const output = run(
      'npx',
      ['vitest', 'run', 'src/recipe-contract.test.ts', 'src/expected-output.test.ts', 'src/iac'],
      {
        cwd: join(copy, 'tools/workspace-checks'),
      },
    );
    expect(output).toMatch(/gen-probe/);
    expect(readFileSync(join(copy, 'README.md'), 'utf8')).toContain(
      '[gen-probe](apps/gen-probe/README.md)',
    );
  });

  it('passes its e2e spec over HTTP', () => {
    // through the e2e target, which builds what the suite imports and starts every recipe of the registry
    const output = run('npx', [
      'nx',
      'e2e',
      'e2e',
      '--outputStyle=static',
      '--',
      'src/specs/gen-probe.local.spec.ts',
    ]);
    expect(output).toMatch(/2 passed/);
  });
});
