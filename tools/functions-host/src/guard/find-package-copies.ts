import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Lists every installed copy of a package under a workspace (hoisted and nested node_modules).
 * The Functions library relies on `instanceof HttpResponse`, so `@azure/functions` must be unique.
 */
export function findPackageCopies(
  root: string,
  packageName: string,
): { path: string; version: string }[] {
  const copies: { path: string; version: string }[] = [];
  const visit = (nodeModules: string): void => {
    if (!existsSync(nodeModules)) return;
    const candidate = join(nodeModules, packageName, 'package.json');
    if (existsSync(candidate)) {
      const { version } = JSON.parse(readFileSync(candidate, 'utf8')) as { version: string };
      copies.push({ path: join(nodeModules, packageName), version });
    }
    for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const packages = entry.name.startsWith('@')
        ? readdirSync(join(nodeModules, entry.name), { withFileTypes: true })
            .filter((scoped) => scoped.isDirectory())
            .map((scoped) => join(nodeModules, entry.name, scoped.name))
        : [join(nodeModules, entry.name)];
      for (const pkg of packages) visit(join(pkg, 'node_modules'));
    }
  };
  visit(join(root, 'node_modules'));
  for (const group of ['apps', 'libs', 'tools']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const project of readdirSync(groupDir, { withFileTypes: true })) {
      if (project.isDirectory()) visit(join(groupDir, project.name, 'node_modules'));
    }
  }
  return copies;
}
