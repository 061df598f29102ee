import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Where the site's "source" links point: a GitHub-style web UI (`/blob/<ref>/…`, `/tree/<ref>/…`). */
export interface Repository {
  url: string;
  ref: string;
}

/** Used when COOKBOOK_REPO_URL is not set; forks set their own. */
export const DEFAULT_REPOSITORY_URL =
  'https://github.com/azure-functions-cookbook/cookbook-typescript';

export function repositoryFromEnv(env: NodeJS.ProcessEnv = process.env): Repository {
  const url = (env['COOKBOOK_REPO_URL'] || DEFAULT_REPOSITORY_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+\/\S+$/.test(url)) {
    throw new Error(
      `COOKBOOK_REPO_URL must be the repository's web address, e.g. https://github.com/owner/name; got "${url}"`,
    );
  }
  const ref = env['COOKBOOK_REPO_REF'] || 'main';
  if (!/^[\w./-]+$/.test(ref))
    throw new Error(`COOKBOOK_REPO_REF is not a branch, tag or commit: "${ref}"`);
  return { url, ref };
}

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** Web address of a file (`blob`) or folder (`tree`) on the repository. */
export function repositoryUrl(repository: Repository, path: string, kind: 'file' | 'dir'): string {
  const tail = path === '' ? '' : `/${encodePath(path)}`;
  return `${repository.url}/${kind === 'file' ? 'blob' : 'tree'}/${repository.ref}${tail}`;
}

/** What the repository holds at a workspace-relative path. */
export type PathKind = 'file' | 'dir' | undefined;

/** Files git would publish (tracked, or new and not ignored) and their folders. */
export function repositoryPaths(root: string): (path: string) => PathKind {
  const files = listFiles(root);
  const dirs = new Set<string>(['']);
  for (const file of files) {
    const parts = file.split('/');
    for (let end = 1; end < parts.length; end++) dirs.add(parts.slice(0, end).join('/'));
  }
  return (path) => (files.has(path) ? 'file' : dirs.has(path) ? 'dir' : undefined);
}

const SKIPPED = new Set(['node_modules', '.git', 'dist', 'out-tsc', '.nx']);

function listFiles(root: string): Set<string> {
  try {
    const output = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return new Set(output.split('\0').filter(Boolean));
  } catch {
    // Not a git checkout (a source archive, a test workspace): every file but build output counts.
    const files = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir)) {
        if (SKIPPED.has(entry)) continue;
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else files.add(relative(root, path).split('\\').join('/'));
      }
    };
    walk(root);
    return files;
  }
}
