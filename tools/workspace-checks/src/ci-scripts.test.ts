import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { workspaceRoot } from './workspace-root.js';

const fixture = (name: string): string => join(import.meta.dirname, '../fixtures/ci-logs', name);

function summarize(...logs: string[]): { code: number | null; lines: string[] } {
  const run = spawnSync(
    process.execPath,
    [join(workspaceRoot, '.ci/summarize-tests.mjs'), ...logs],
    {
      encoding: 'utf8',
    },
  );
  return { code: run.status, lines: `${run.stdout}${run.stderr}`.trim().split('\n') };
}

describe('.ci/summarize-tests.mjs over real vitest and Playwright output', () => {
  it('passes a clean vitest run and prints the plain closing line', () => {
    expect(summarize(fixture('vitest-pass.log'))).toEqual({
      code: 0,
      lines: ['2 passed, 0 failed, 1 skipped'],
    });
  });

  it('counts a test file that failed to load as a failure (the fresh-clone http-kit run)', () => {
    const { code, lines } = summarize(fixture('npm-test-logging-unbuilt.log'));
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe('771 passed, 12 failed');
  });

  it('counts failed tests and unloadable files once each', () => {
    const { code, lines } = summarize(fixture('vitest-failures.log'));
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe('2 passed, 2 failed, 1 skipped');
  });

  it('counts an unhandled error even when every test passed', () => {
    expect(summarize(fixture('vitest-unhandled.log'))).toMatchObject({ code: 1 });
  });

  it('counts a vitest config that cannot load', () => {
    expect(summarize(fixture('vitest-startup-error.log')).code).toBe(1);
  });

  it('counts Playwright failures and flaky retries as failures', () => {
    const { code, lines } = summarize(fixture('playwright-failures.log'));
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe('1 passed, 2 failed, 1 skipped');
  });

  it('sums several logs and refuses to report success when no runner printed a summary', () => {
    const both = summarize(fixture('vitest-pass.log'), fixture('playwright-failures.log'));
    expect(both.lines.at(-1)).toBe('3 passed, 2 failed, 2 skipped');
    const empty = join(mkdtempSync(join(tmpdir(), 'ci-summary-')), 'empty.log');
    writeFileSync(empty, 'nothing ran\n');
    expect(summarize(empty).code).toBe(1);
  });
});

describe('.ci/check-source-tree.mjs', () => {
  let repo = '';
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  function check(): { code: number | null; output: string } {
    const run = spawnSync(
      process.execPath,
      [join(workspaceRoot, '.ci/check-source-tree.mjs'), join(repo, '.marker')],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    );
    return { code: run.status, output: `${run.stdout}${run.stderr}` };
  }

  function freshRepo(): void {
    repo = mkdtempSync(join(tmpdir(), 'source-tree-'));
    spawnSync('git', ['init', '-q'], { cwd: repo });
    writeFileSync(join(repo, '.gitignore'), 'tmp\n.marker\n');
    writeFileSync(join(repo, 'kept.ts'), 'export {};\n');
    spawnSync('git', ['add', '.'], { cwd: repo });
    spawnSync(
      'git',
      ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'init'],
      { cwd: repo },
    );
    writeFileSync(join(repo, '.marker'), '');
    // the checkout is older than the marker, as in CI, where npm ci runs before it is made
    const [older, marker] = [new Date(Date.now() - 120_000), new Date(Date.now() - 60_000)];
    for (const file of ['.gitignore', 'kept.ts']) utimesSync(join(repo, file), older, older);
    utimesSync(join(repo, '.marker'), marker, marker);
  }

  it('accepts declared build output', () => {
    freshRepo();
    mkdirSync(join(repo, 'apps/x/dist'), { recursive: true });
    writeFileSync(join(repo, 'apps/x/dist/main.js'), '');
    expect(check().code).toBe(0);
  });

  it('names a file a test wrote, even inside a git-ignored folder', () => {
    freshRepo();
    mkdirSync(join(repo, 'tmp'));
    writeFileSync(join(repo, 'tmp/scratch.js'), '');
    expect(check()).toMatchObject({ code: 1, output: expect.stringContaining('tmp/scratch.js') });
  });

  it('names a tracked file a test deleted', () => {
    freshRepo();
    rmSync(join(repo, 'kept.ts'));
    expect(check()).toMatchObject({ code: 1, output: expect.stringContaining('kept.ts') });
  });
});
