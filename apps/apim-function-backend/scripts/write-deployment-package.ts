import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

import { deploymentPackageJson } from './deployment-package.js';

// What `func azure functionapp publish` should upload: no workspace packages (they are bundled,
// and an npm install of "@cookbook/*" would ask the public registry for look-alike names).
const recipeDir = resolve(import.meta.dirname, '..');
const [outDir = 'dist/deploy'] = process.argv.slice(2);
const target = resolve(recipeDir, outDir);

const { name } = JSON.parse(await readFile(join(recipeDir, 'package.json'), 'utf8')) as {
  name: string;
};
await rm(target, { recursive: true, force: true });
await mkdir(join(target, 'dist'), { recursive: true });
for (const file of ['dist/main.js', 'dist/main.js.map', 'host.json']) {
  await copyFile(join(recipeDir, file), join(target, file));
}
const packageJson = deploymentPackageJson(name.replace(/^@[^/]+\//, ''));
await writeFile(join(target, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
process.stdout.write(
  `Wrote ${relative(process.cwd(), target)} (func azure functionapp publish <app>)\n`,
);
