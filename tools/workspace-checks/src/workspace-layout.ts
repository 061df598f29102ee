import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { workspaceRoot } from './workspace-root.js';

export interface ProjectInfo {
  name: string;
  dir: string;
  tags: string[];
}

interface PackageJson {
  nx?: { name?: string; tags?: string[] };
}

/** Reads every workspace project from apps/, libs/ and tools/. */
export function readProjects(): ProjectInfo[] {
  return ['apps', 'libs', 'tools'].flatMap((group) => {
    const groupDir = resolve(workspaceRoot, group);
    if (!existsSync(groupDir)) return [];
    return readdirSync(groupDir)
      .map((folder) => join(group, folder))
      .filter((dir) => existsSync(resolve(workspaceRoot, dir, 'package.json')))
      .map((dir) => {
        const pkg = JSON.parse(
          readFileSync(resolve(workspaceRoot, dir, 'package.json'), 'utf8'),
        ) as PackageJson;
        return { name: pkg.nx?.name ?? dir, dir, tags: pkg.nx?.tags ?? [] };
      });
  });
}

/** Every TypeScript source file below a project's src/ folder. */
export function sourceFiles(projectDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(resolve(workspaceRoot, dir))) {
      const path = join(dir, entry);
      if (statSync(resolve(workspaceRoot, path)).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) out.push(path);
    }
  };
  if (existsSync(resolve(workspaceRoot, projectDir, 'src'))) walk(join(projectDir, 'src'));
  return out;
}

/** True when any source file of the project imports the package. */
export function importsPackage(projectDir: string, packageName: string): boolean {
  const pattern = new RegExp(`from '${packageName}(/[a-z-]+)?'`);
  return sourceFiles(projectDir).some((file) =>
    pattern.test(readFileSync(resolve(workspaceRoot, file), 'utf8')),
  );
}
