// Fails when anything but declared build output changed since a marker file: tests must write to os.tmpdir().
// Looks at ignored files too, so a .gitignore entry cannot hide a test that writes into the tree.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const [marker] = process.argv.slice(2);
if (!marker) {
  console.error('usage: node .ci/check-source-tree.mjs <marker-file>');
  process.exit(2);
}
const since = statSync(marker).mtimeMs;
const root = process.cwd();

// Folders no check reads: dependencies and git's own data.
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
// Output that build, typecheck and e2e targets declare; everything else must stay as it was.
const BUILD_OUTPUT = [
  /(^|\/)dist\//,
  /(^|\/)out-tsc\//,
  /\.tsbuildinfo$/,
  /^apps\/e2e\/(test-results|playwright-report)\//,
];

const changed = [];
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    const rel = relative(root, path);
    if (entry.isDirectory()) {
      walk(path);
    } else if (statSync(path, { throwIfNoEntry: false })?.mtimeMs > since) {
      if (!BUILD_OUTPUT.some((pattern) => pattern.test(rel))) changed.push(rel);
    }
  }
}
walk(root);
// Deleted or modified tracked files have no new mtime to find; git sees them.
for (const line of execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], {
  encoding: 'utf8',
}).split('\n')) {
  const rel = line.slice(3);
  if (line && !changed.includes(rel) && !BUILD_OUTPUT.some((pattern) => pattern.test(rel)))
    changed.push(rel);
}

if (changed.length > 0) {
  console.error(`Files written into the source tree during CI (tests must use os.tmpdir()):`);
  for (const file of changed.sort()) console.error(`  ${file}`);
  process.exit(1);
}
console.log('Source tree unchanged: only declared build output was written.');
